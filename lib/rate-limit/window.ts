// Fixed-window arithmetic, kept apart from the database so it can be unit-tested.

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Seconds until the window resets; 0 when allowed. */
  retryAfterSeconds: number;
}

export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

export function resultFor(count: number, start: Date, rule: RateLimitRule, now: Date): RateLimitResult {
  const allowed = count <= rule.limit;
  const resetMs = start.getTime() + rule.windowSeconds * 1000 - now.getTime();
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(resetMs / 1000)),
  };
}
