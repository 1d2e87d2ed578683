// The one statement every limiter writes with.
import type { Db } from "@/lib/db/types";
import { windowStart, type RateLimitRule } from "./window";

/**
 * Adds `amount` requests to `key`'s bucket for the window `now` falls in and returns the window's
 * count. One atomic upsert: exact under concurrency on PostgreSQL.
 */
export async function addToBucket(
  db: Db,
  key: string,
  rule: RateLimitRule,
  now: Date,
  amount: number,
): Promise<number> {
  const start = windowStart(now, rule.windowSeconds);
  const expiresAt = new Date(start.getTime() + rule.windowSeconds * 1000);
  // A bucket from an older window restarts at `amount`; a concurrent caller whose clock still
  // names the previous window counts into the newer one instead of resetting it.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, ${amount}::int, ${start}, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE
        WHEN "RateLimitBucket"."windowStart" >= EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + ${amount}::int
        ELSE ${amount}::int
      END,
      "windowStart" = GREATEST("RateLimitBucket"."windowStart", EXCLUDED."windowStart"),
      "expiresAt" = GREATEST("RateLimitBucket"."expiresAt", EXCLUDED."expiresAt")
    RETURNING "count"`;
  return Number(rows[0]?.count ?? amount);
}
