// The public API's per-client allowance, over the shared database-backed limiter.
import type { Db } from "@/lib/db/types";
import { log } from "@/lib/log";
import { countRateLimitRefusal } from "@/lib/metrics/registry.mjs";
import { BatchedLimiter, consume, type RateLimitResult, type RateLimitRule } from "@/lib/rate-limit";
import { problem } from "./problem";

export const API_WINDOW_SECONDS = 60;

export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers":
    "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id",
};

type Counter = (db: Db, key: string, rule: RateLimitRule, now: Date) => Promise<RateLimitResult>;

const globalForLimiter = globalThis as unknown as { bookstoreApiReadLimiter?: BatchedLimiter };

/**
 * The read API's counter: batched in memory per process (one bucket write per client per 250 ms,
 * exact near the limit), kept on globalThis so every route bundle shares one. Writes stay exact.
 */
export function apiReadCounter(): Counter {
  const limiter = (globalForLimiter.bookstoreApiReadLimiter ??= new BatchedLimiter({
    onFlushError: (error) => log.warn("rate-limit flush failed", { error: String(error) }),
  }));
  return (db, key, rule, now) => limiter.consume(db, key, rule, now);
}

/** Writes what the read API's batch holds now (graceful shutdown: no counted request is lost). */
export async function flushApiReadCounter(): Promise<void> {
  await globalForLimiter.bookstoreApiReadLimiter?.flushAll();
}

/**
 * Counts one request from `clientKey` (an IP, or later a token) and returns the RateLimit headers,
 * plus a 429 problem with Retry-After when the allowance for this minute is used up.
 */
export async function limitApiClient(
  db: Db,
  clientKey: string,
  limit: number,
  requestId: string | null,
  now: Date = new Date(),
  count: Counter = consume,
): Promise<{ headers: Record<string, string>; refused: Response | null }> {
  const result = await count(db, `api:${clientKey}`, { limit, windowSeconds: API_WINDOW_SECONDS }, now);
  const reset = API_WINDOW_SECONDS - (Math.floor(now.getTime() / 1000) % API_WINDOW_SECONDS);
  const headers = {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(reset),
  };
  if (result.allowed) return { headers, refused: null };
  countRateLimitRefusal("api");
  return {
    headers,
    refused: problem("rate_limited", {
      detail: `At most ${limit} requests a minute; try again in ${result.retryAfterSeconds} s.`,
      requestId,
      headers: { ...CORS_HEADERS, ...headers, "retry-after": String(result.retryAfterSeconds) },
    }),
  };
}
