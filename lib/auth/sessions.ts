// Server-side staff sessions (table AdminSession): the cookie carries a random token, the table
// only its SHA-256 hash. Validation enforces revocation, absolute and idle expiry, and disabled
// accounts, and refreshes lastSeenAt at most once a minute.
import type { Db } from "@/lib/db/types";
import type { Staff } from "./roles";
import { absoluteExpiry, sessionState, shouldTouch } from "./session-policy";
import { generateSessionToken, hashToken } from "./tokens";

export interface StaffSession {
  sessionId: number;
  expiresAt: Date;
  staff: Staff;
}

export async function createSession(
  db: Db,
  userId: number,
  meta: { ip?: string | null; userAgent?: string | null } = {},
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = absoluteExpiry(now);
  await db.adminSession.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, expiresAt };
}

/** The session a cookie token names, or null when it is unknown, revoked, expired or idle. */
export async function validateSession(
  db: Db,
  token: string | undefined | null,
  now: Date = new Date(),
): Promise<StaffSession | null> {
  if (!token || token.length > 128) return null;
  const session = await db.adminSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session || session.user.disabledAt) return null;
  if (sessionState(session, now) !== "active") return null;
  if (shouldTouch(session.lastSeenAt, now)) {
    await db.adminSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { lastSeenAt: now },
    });
  }
  const { id, email, name, role } = session.user;
  return { sessionId: session.id, expiresAt: session.expiresAt, staff: { id, email, name, role } };
}

/** Revokes the session a token names; returns its user id (for the audit log) when it was live. */
export async function revokeSession(
  db: Db,
  token: string | undefined | null,
  now: Date = new Date(),
): Promise<number | null> {
  if (!token) return null;
  const session = await db.adminSession.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!session || session.revokedAt) return null;
  await db.adminSession.update({ where: { id: session.id }, data: { revokedAt: now } });
  return session.userId;
}
