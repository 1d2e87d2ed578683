import "server-only";
// The one staff guard, and the cookie side of sessions. Every admin page, server action and admin
// route handler goes through requireStaff (pages, actions) or requireStaffForRoute (routes).
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { recordAudit } from "@/lib/audit";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientIp } from "./client-ip";
import type { OriginCheckInput } from "./origin";
import { decideAccess, safeNextPath, type Staff, type StaffRole } from "./roles";
import { cookieMaxAgeSeconds } from "./session-policy";
import { revokeSession, validateSession, type StaffSession } from "./sessions";
import { signIn, type SignInResult } from "./sign-in";

export const SESSION_COOKIE = "bookstore_admin_session";
/**
 * The email of a refused sign-in, for the form to show again after its redirect back: a cookie
 * scoped to the sign-in page, not the address (paths, with their query, go to the request log).
 */
const SIGN_IN_EMAIL_COOKIE = "bookstore_sign_in_email";
const SIGN_IN_EMAIL_MAX_AGE = 10 * 60;
/** Where refused actions go (a 403 page); see app/admin/not-allowed/page.tsx for why not forbidden(). */
const NOT_ALLOWED_PATH = "/admin/not-allowed";

/** The signed-in staff member of this request, or null. One database lookup per request. */
export const getCurrentSession = cache(async (): Promise<StaffSession | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return validateSession(await getPrisma(), token);
});

export async function requestIp(): Promise<string | null> {
  return clientIp(await headers(), getEnv().TRUSTED_PROXY_HOPS);
}

async function originInput(): Promise<OriginCheckInput> {
  const h = await headers();
  const env = getEnv();
  return {
    origin: h.get("origin"),
    host: h.get("x-forwarded-host") ?? h.get("host"),
    siteUrl: env.SITE_URL,
    strict: env.STORE_MODE === "live",
  };
}

export interface RequireStaffOptions {
  /** The admin path to come back to after signing in (pages and actions cannot know their URL). */
  next?: string;
  /** Server actions: also refuse a missing or foreign Origin. Refusals redirect to a 403 page. */
  mutation?: boolean;
}

/**
 * Pages and server actions: the signed-in staff member with `role` (any role when omitted).
 * Signed out: redirect to /admin/sign-in?next=...; wrong role: 403 page (actions: a redirect to
 * it); cross-site mutation: the same redirect, without running the action.
 */
export async function requireStaff(role?: StaffRole, options: RequireStaffOptions = {}): Promise<Staff> {
  const origin = options.mutation ? await originInput() : undefined;
  const session = await getCurrentSession();
  const decision = decideAccess({ staff: session?.staff ?? null, role, origin });
  switch (decision.outcome) {
    case "ok":
      return decision.staff;
    case "sign_in":
      redirect(`/admin/sign-in?next=${encodeURIComponent(safeNextPath(options.next))}`);
    case "forbidden":
    case "cross_site":
      if (options.mutation) redirect(NOT_ALLOWED_PATH);
      forbidden();
  }
}

/** The sign-in action has no session yet, but must still refuse cross-site posts. */
export async function requireSameOrigin(): Promise<void> {
  const decision = decideAccess({ staff: null, origin: await originInput() });
  if (decision.outcome === "cross_site") redirect(NOT_ALLOWED_PATH);
}

/** Checks the credentials and, when they are right, sets the session cookie. */
export async function signInStaff(input: { email: unknown; password: unknown }): Promise<SignInResult> {
  const h = await headers();
  const result = await signIn(await getPrisma(), input, {
    ip: await requestIp(),
    userAgent: h.get("user-agent"),
  });
  const store = await cookies();
  const secure = getEnv().STORE_MODE === "live";
  if (result.ok) {
    store.set(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      maxAge: cookieMaxAgeSeconds(result.expiresAt, new Date()),
    });
    store.delete({ name: SIGN_IN_EMAIL_COOKIE, path: "/admin/sign-in" });
  } else if (typeof input.email === "string" && input.email.trim()) {
    store.set(SIGN_IN_EMAIL_COOKIE, input.email.trim().slice(0, 254), {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/admin/sign-in",
      maxAge: SIGN_IN_EMAIL_MAX_AGE,
    });
  }
  return result;
}

/** The email typed in the last refused sign-in of this browser (see SIGN_IN_EMAIL_COOKIE), or "". */
export async function refusedSignInEmail(): Promise<string> {
  return (await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value ?? "";
}

/** Revokes this request's session (the old cookie stops working) and clears the cookie. */
export async function signOutStaff(): Promise<void> {
  const store = await cookies();
  const db = await getPrisma();
  const userId = await revokeSession(db, store.get(SESSION_COOKIE)?.value);
  if (userId !== null) {
    await recordAudit(db, {
      actorId: userId,
      action: "auth.sign_out",
      targetType: "AdminSession",
      targetId: userId,
      ip: await requestIp(),
    });
  }
  store.delete({ name: SESSION_COOKIE, path: "/" });
}
