// Database-backed fixed-window rate limits (table RateLimitBucket), shared by every instance and
// reused by sign-in, ratings and the API. One atomic upsert per call, so counts are exact under
// concurrency on PostgreSQL.
import type { Db } from "@/lib/db/types";
import { addToBucket } from "./bucket";
import { resultFor, windowStart, type RateLimitResult, type RateLimitRule } from "./window";

export type { RateLimitResult, RateLimitRule } from "./window";
export { BatchedLimiter } from "./batched";
export { addToBucket } from "./bucket";

/**
 * Counts one request against `key` (e.g. "sign-in:ip:203.0.113.9") and says whether it is within
 * the rule. Requests over the limit still count, so hammering does not open the window early.
 */
export async function consume(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const count = await addToBucket(db, key, rule, now, 1);
  return resultFor(count, windowStart(now, rule.windowSeconds), rule, now);
}

/** Forgets a key (e.g. an account's failed sign-ins after a successful one). */
export async function resetLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Deletes buckets whose window has ended; safe to run any time. */
export async function pruneExpiredBuckets(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
