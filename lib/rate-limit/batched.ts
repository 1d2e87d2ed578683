// A per-process front for consume() on hot paths (the read API). Requests are counted in memory and
// added to the shared bucket in one statement per key every `flushMs`, so a burst of reads costs one
// database write per key per interval instead of one per request (every request of one client
// would otherwise queue on the same bucket row's lock).
//
// What stays exact: the first request of a window on this process reads the shared count, and once
// a key is within `margin` of its limit every request goes to the database at once, so a single
// instance admits exactly `limit` per window. What does not: with several instances, each can admit
// what the others have counted but not yet flushed (at most `flushMs` of their traffic).
import type { Db } from "@/lib/db/types";
import { addToBucket } from "./bucket";
import { resultFor, windowStart, type RateLimitResult, type RateLimitRule } from "./window";

interface KeyState {
  db: Db;
  rule: RateLimitRule;
  windowStartMs: number;
  /** The shared count the database last returned (includes every request this process wrote). */
  known: number;
  /** Admitted here, not yet sent. */
  pending: number;
  /** Sent, not yet answered. */
  inFlight: number;
  /** The window's first read of the shared count; later requests wait for it. */
  ready: Promise<void>;
  /** The last write sent for this key. Writes go one after another so the database applies them in
   * the order they were counted here: a request sent near the limit must see the batch sent before
   * it, or concurrent connections could let both through. */
  lastWrite: Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface BatchedLimiterOptions {
  flushMs?: number;
  /** Go to the database for every request once this close to the limit (default 10 % of it, at least 1). */
  margin?: (limit: number) => number;
  /** Keys kept in memory before old windows are dropped. */
  maxKeys?: number;
  onFlushError?: (error: unknown) => void;
}

export class BatchedLimiter {
  private readonly states = new Map<string, KeyState>();
  private readonly flushMs: number;
  private readonly margin: (limit: number) => number;
  private readonly maxKeys: number;
  private readonly onFlushError: (error: unknown) => void;

  constructor(options: BatchedLimiterOptions = {}) {
    this.flushMs = options.flushMs ?? 250;
    this.margin = options.margin ?? ((limit) => Math.max(1, Math.ceil(limit / 10)));
    this.maxKeys = options.maxKeys ?? 10_000;
    this.onFlushError = options.onFlushError ?? (() => undefined);
  }

  async consume(db: Db, key: string, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitResult> {
    const start = windowStart(now, rule.windowSeconds).getTime();
    const state = this.states.get(key);
    if (!state || state.windowStartMs !== start) {
      this.dropEndedWindows(now);
      const fresh: KeyState = {
        db,
        rule,
        windowStartMs: start,
        known: 0,
        pending: 0,
        inFlight: 0,
        ready: Promise.resolve(),
        lastWrite: Promise.resolve(),
        timer: null,
      };
      this.states.set(key, fresh);
      const first = this.send(key, fresh, 1, now);
      fresh.ready = first.then(
        () => undefined,
        () => undefined,
      );
      return resultFor(await first, new Date(start), rule, now);
    }
    await state.ready;
    const estimate = state.known + state.inFlight + state.pending + 1;
    if (estimate > rule.limit - this.margin(rule.limit)) {
      const count = await this.send(key, state, 1, now);
      return resultFor(count, new Date(start), rule, now);
    }
    state.pending += 1;
    state.timer ??= this.scheduleFlush(key, state);
    return resultFor(estimate, new Date(start), rule, now);
  }

  /** Sends what is pending for every key now (tests, shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.states].map(([key, state]) => this.flush(key, state)));
  }

  /** Adds what is pending plus `extra` to the shared bucket and returns its count. */
  private async send(key: string, state: KeyState, extra: number, now: Date): Promise<number> {
    const n = state.pending + extra;
    state.pending = 0;
    state.inFlight += n;
    const write = state.lastWrite.then(() => addToBucket(state.db, key, state.rule, now, n));
    state.lastWrite = write.catch(() => undefined);
    try {
      const count = await write;
      state.known = Math.max(state.known, count);
      return count;
    } finally {
      state.inFlight -= n;
    }
  }

  private scheduleFlush(key: string, state: KeyState): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      state.timer = null;
      this.flush(key, state).catch(this.onFlushError);
    }, this.flushMs);
    timer.unref?.();
    return timer;
  }

  private async flush(key: string, state: KeyState): Promise<void> {
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = null;
    }
    if (state.pending === 0) return;
    const now = new Date();
    // Requests of a window that has ended must not count into the next one.
    if (now.getTime() >= state.windowStartMs + state.rule.windowSeconds * 1000) {
      state.pending = 0;
      return;
    }
    await this.send(key, state, 0, now);
  }

  private dropEndedWindows(now: Date): void {
    if (this.states.size < this.maxKeys) return;
    for (const [key, state] of this.states) {
      if (now.getTime() >= state.windowStartMs + state.rule.windowSeconds * 1000) {
        if (state.timer) clearTimeout(state.timer);
        this.states.delete(key);
      }
    }
  }
}
