import "server-only";
// The staff guard for admin route handlers (app/api/admin/...): 401 without a valid session, 403
// for the wrong role or a cross-site mutation, as application/problem+json.
import { problem } from "@/lib/api/problem";
import { getEnv } from "@/lib/env";
import { getCurrentSession } from "./guard";
import { decideAccess, safeNextPath, type Staff, type StaffRole } from "./roles";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * With `signInNext` (routes a plain form or link reaches), a signed-out request is sent to the
 * sign-in page (303) and comes back to that admin path, as the admin pages are.
 */
export async function requireStaffForRoute(
  request: Request,
  role?: StaffRole,
  { signInNext }: { signInNext?: string } = {},
): Promise<{ ok: true; staff: Staff } | { ok: false; response: Response }> {
  const env = getEnv();
  const origin = SAFE_METHODS.has(request.method)
    ? undefined
    : {
        origin: request.headers.get("origin"),
        host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
        siteUrl: env.SITE_URL,
        strict: env.STORE_MODE === "live",
      };
  const session = await getCurrentSession();
  const decision = decideAccess({ staff: session?.staff ?? null, role, origin });
  switch (decision.outcome) {
    case "ok":
      return { ok: true, staff: decision.staff };
    case "sign_in":
      return {
        ok: false,
        response:
          signInNext === undefined
            ? problem("unauthorized", { detail: "Sign in at /admin/sign-in." })
            : new Response(null, {
                status: 303,
                headers: { location: `/admin/sign-in?next=${encodeURIComponent(safeNextPath(signInNext))}` },
              }),
      };
    case "forbidden":
      return { ok: false, response: problem("forbidden", { detail: "Your role does not allow this." }) };
    case "cross_site":
      return {
        ok: false,
        response: problem("forbidden", {
          detail: "Cross-site request refused: the Origin header is missing or foreign.",
        }),
      };
  }
}
