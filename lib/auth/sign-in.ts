// Staff sign-in: rate limits per account and per IP, constant-shape answers (an unknown email
// costs a dummy hash and gets the same message as a wrong password), a new session, an audit entry.
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/types";
import { consume, resetLimit, type RateLimitRule } from "@/lib/rate-limit";
import { verifyDummyPassword, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { createSession } from "./sessions";

/** Attempts per account (by normalised email, known or not); a success clears the count. */
export const SIGN_IN_ACCOUNT_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
/** Attempts per client IP, successful or not. */
export const SIGN_IN_IP_LIMIT: RateLimitRule = { limit: 50, windowSeconds: 15 * 60 };

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; retryAfterSeconds: number };

export function accountLimitKey(email: string): string {
  return `sign-in:account:${email}`;
}

export async function signIn(
  db: Db,
  input: { email: unknown; password: unknown },
  meta: { ip: string | null; userAgent?: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  const email = parsed.success ? parsed.data.email : "";
  const password = parsed.success ? parsed.data.password : "";

  const byAccount = await consume(db, accountLimitKey(email), SIGN_IN_ACCOUNT_LIMIT, now);
  const byIp = await consume(db, `sign-in:ip:${meta.ip ?? "unknown"}`, SIGN_IN_IP_LIMIT, now);
  if (!byAccount.allowed || !byIp.allowed) {
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_limited",
      targetType: "AdminUser",
      details: { email, scope: byAccount.allowed ? "ip" : "account" },
      ip: meta.ip,
    });
    return {
      ok: false,
      reason: "limited",
      retryAfterSeconds: Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds),
    };
  }

  const user = email
    ? await db.adminUser.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, disabledAt: true },
      })
    : null;
  const valid = user
    ? (await verifyPassword(user.passwordHash, password)) && !user.disabledAt
    : await verifyDummyPassword(password);

  if (!user || !valid) {
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_failed",
      targetType: "AdminUser",
      targetId: user?.id ?? null,
      details: { email, reason: user?.disabledAt ? "disabled" : "invalid" },
      ip: meta.ip,
    });
    return { ok: false, reason: "invalid" };
  }

  await resetLimit(db, accountLimitKey(email));
  const session = await createSession(db, user.id, meta, now);
  await db.adminUser.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await recordAudit(db, {
    actorId: user.id,
    action: "auth.sign_in",
    targetType: "AdminSession",
    targetId: user.id,
    ip: meta.ip,
  });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, userId: user.id };
}
