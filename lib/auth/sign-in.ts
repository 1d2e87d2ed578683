// Staff sign-in: rate limits per (account, client IP), per client IP and a slower ceiling per
// account; constant-shape answers (an unknown email costs a dummy hash and gets the same message
// as a wrong password), a new session, an audit entry.
import { createHmac } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { countRateLimitRefusal } from "@/lib/metrics/registry.mjs";
import { consume, resetLimit, type RateLimitRule } from "@/lib/rate-limit";
import { verifyDummyPassword, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { createSession } from "./sessions";

/**
 * Attempts per account from one client IP; a success there clears the count. Keyed by the IP too,
 * so wrong passwords typed elsewhere do not lock the account's owner out.
 */
export const SIGN_IN_ACCOUNT_IP_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
/**
 * Attempts per account from all IPs together: the ceiling on guessing from many addresses. It does
 * not apply from an address the account has signed in from (KNOWN_ADDRESS_DAYS), so a distributed
 * attacker cannot lock the owner out either.
 */
export const SIGN_IN_ACCOUNT_LIMIT: RateLimitRule = { limit: 60, windowSeconds: 60 * 60 };
/** Attempts per client IP, successful or not. */
export const SIGN_IN_IP_LIMIT: RateLimitRule = { limit: 50, windowSeconds: 15 * 60 };
export const KNOWN_ADDRESS_DAYS = 30;

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; retryAfterSeconds: number };

export function accountLimitKey(email: string): string {
  return `sign-in:account:${email}`;
}

export function accountIpLimitKey(email: string, ip: string | null): string {
  return `sign-in:account-ip:${ip ?? "unknown"}:${email}`;
}

/**
 * How the audit log names the email of an attempt on an account that does not exist: whatever was
 * typed (a password in the email box) must not become readable there, but the same text still
 * gives the same name, so repeated attempts can be told apart.
 */
export function unknownEmailLabel(email: string, secret: string = getEnv().SESSION_SECRET): string {
  return `unknown:${createHmac("sha256", secret).update(`audit-email:${email}`).digest("base64url").slice(0, 16)}`;
}

/** Whether the account has signed in from this address lately (then the account ceiling does not apply). */
async function knownAddress(db: Db, userId: number, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 24 * 60 * 60 * 1000);
  return (await db.adminSession.count({ where: { userId, ip, createdAt: { gte: since } } })) > 0;
}

export async function signIn(
  db: Db,
  input: { email: unknown; password: unknown },
  meta: { ip: string | null; userAgent?: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  // No email, no password, or more than the fields hold: not an attempt at any account, so
  // nothing to verify, count or audit.
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const user = email
    ? await db.adminUser.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, disabledAt: true },
      })
    : null;
  const emailForAudit = user ? email : unknownEmailLabel(email);

  const byPair = await consume(db, accountIpLimitKey(email, meta.ip), SIGN_IN_ACCOUNT_IP_LIMIT, now);
  const byIp = await consume(db, `sign-in:ip:${meta.ip ?? "unknown"}`, SIGN_IN_IP_LIMIT, now);
  const byAccount = await consume(db, accountLimitKey(email), SIGN_IN_ACCOUNT_LIMIT, now);
  const overCeiling = !byAccount.allowed && !(user && (await knownAddress(db, user.id, meta.ip, now)));
  if (!byPair.allowed || !byIp.allowed || overCeiling) {
    countRateLimitRefusal("sign_in");
    const refusedBy = [
      ...(byPair.allowed ? [] : [byPair]),
      ...(byIp.allowed ? [] : [byIp]),
      ...(overCeiling ? [byAccount] : []),
    ];
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_limited",
      targetType: "AdminUser",
      targetId: user?.id ?? null,
      details: {
        email: emailForAudit,
        scope: !byPair.allowed ? "account_ip" : !byIp.allowed ? "ip" : "account",
      },
      ip: meta.ip,
    });
    return {
      ok: false,
      reason: "limited",
      retryAfterSeconds: Math.max(...refusedBy.map((r) => r.retryAfterSeconds)),
    };
  }

  const valid = user
    ? (await verifyPassword(user.passwordHash, password)) && !user.disabledAt
    : await verifyDummyPassword(password);

  if (!user || !valid) {
    await recordAudit(db, {
      actorId: null,
      action: "auth.sign_in_failed",
      targetType: "AdminUser",
      targetId: user?.id ?? null,
      details: { email: emailForAudit, reason: user?.disabledAt ? "disabled" : "invalid" },
      ip: meta.ip,
    });
    return { ok: false, reason: "invalid" };
  }

  await resetLimit(db, accountIpLimitKey(email, meta.ip));
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
