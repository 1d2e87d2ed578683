// Database-backed fixed-window rate limits (table RateLimitBucket), shared by every instance and
// reused by sign-in, ratings and the API. One atomic upsert per call, so counts are exact under
// concurrency on PostgreSQL.
import type { Db } from "@/lib/db/types";
import { resultFor, windowStart, type RateLimitResult, type RateLimitRule } from "./window";

export type { RateLimitResult, RateLimitRule } from "./window";

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
  const start = windowStart(now, rule.windowSeconds);
  const expiresAt = new Date(start.getTime() + rule.windowSeconds * 1000);
  // A bucket from an older window restarts at 1; a concurrent caller whose clock still names the
  // previous window counts into the newer one instead of resetting it.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, ${start}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE
        WHEN "RateLimitBucket"."windowStart" >= EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + 1
        ELSE 1
      END,
      "windowStart" = GREATEST("RateLimitBucket"."windowStart", EXCLUDED."windowStart"),
      "expiresAt" = GREATEST("RateLimitBucket"."expiresAt", EXCLUDED."expiresAt")
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  return resultFor(count, start, rule, now);
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
