// Staff roles and the guard's decision, as pure functions: the guard in ./guard.ts only gathers
// the inputs (session, headers) and acts on the outcome.
import { isSameOriginRequest, type OriginCheckInput } from "./origin";

export const STAFF_ROLES = ["admin", "editor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Staff {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

/** admin can do everything; editor only what needs editor. */
export function hasRole(actual: StaffRole, required: StaffRole): boolean {
  return actual === "admin" || actual === required;
}

export type AccessDecision =
  | { outcome: "ok"; staff: Staff }
  | { outcome: "sign_in" } // no valid session: redirect (pages, actions) or 401 (routes)
  | { outcome: "forbidden" } // signed in without the role: 403
  | { outcome: "cross_site" }; // a mutation whose Origin is missing or foreign: 403

export function decideAccess(input: {
  staff: Staff | null;
  role?: StaffRole;
  /** Given for mutations (server actions, non-GET routes): the request's Origin must match. */
  origin?: OriginCheckInput;
}): AccessDecision {
  if (input.origin && !isSameOriginRequest(input.origin)) return { outcome: "cross_site" };
  if (!input.staff) return { outcome: "sign_in" };
  if (input.role && !hasRole(input.staff.role, input.role)) return { outcome: "forbidden" };
  return { outcome: "ok", staff: input.staff };
}

/** Where to go after sign-in: only paths inside the admin, never another site. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/admin") || next.startsWith("//") || next.includes("\\")) return "/admin";
  // It becomes a Location header: no longer than a URL a browser would send.
  if (next.length > 2048) return "/admin";
  if (next.startsWith("/admin/sign-in")) return "/admin";
  return next;
}
