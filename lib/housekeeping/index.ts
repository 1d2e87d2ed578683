// Deletes rows that nothing can reach any more, so that the tables a busy store writes on every
// visit stay small: finished rate-limit windows, staff sessions past their absolute expiry, and
// carts whose cookie has expired. The server runs it at start and then hourly (instrumentation).
import { CART_COOKIE_MAX_AGE } from "@/lib/checkout/cart/cookie";
import type { Db } from "@/lib/db/types";
import { pruneExpiredBuckets } from "@/lib/rate-limit";

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

export interface HousekeepingResult {
  rateLimitBuckets: number;
  adminSessions: number;
  carts: number;
}

export async function deleteUnreachableRows(db: Db, now: Date = new Date()): Promise<HousekeepingResult> {
  const rateLimitBuckets = await pruneExpiredBuckets(db, now);
  // Past its absolute expiry a session is refused whatever its other state (session-policy.ts).
  const { count: adminSessions } = await db.adminSession.deleteMany({ where: { expiresAt: { lt: now } } });
  // The cart cookie is set once, when the cart is made, and lives CART_COOKIE_MAX_AGE: an older
  // cart has no shopper left. Its items go with it; its orders keep their copy of the lines.
  const cartCutoff = new Date(now.getTime() - CART_COOKIE_MAX_AGE * 1000);
  const { count: carts } = await db.cart.deleteMany({ where: { createdAt: { lt: cartCutoff } } });
  return { rateLimitBuckets, adminSessions, carts };
}
