// What one request cost the database: server.mjs runs each request in a context holding a count,
// the database adapter (lib/db/adapters.ts) adds each SQL statement it sends to the count of the
// request it is sent for, and the request's log line and its Server-Timing header say how many.
// A cached page answered from the cache counts none (docs/performance.md). Shared through
// globalThis: Next bundles its own copy of this module beside the one server.mjs imports.
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * @typedef {{ dbStatements: number, cacheTags?: string[] }} RequestStats
 * cacheTags: the tags of the cached page or route this request was answered from (set by the Redis
 * cache handler, lib/cache/redis-cache-handler.mjs; sent to the edge as `xkey` by server.mjs).
 */

const KEY = Symbol.for("bookstore.requestStats");
const store = /** @type {Record<symbol, AsyncLocalStorage<RequestStats> | undefined>} */ (
  /** @type {unknown} */ (globalThis)
);

/** @type {AsyncLocalStorage<RequestStats>} */
export const requestStats = (store[KEY] ??= new AsyncLocalStorage());

/** Adds one SQL statement to the current request's count (outside a request: nothing). */
export function countDbStatement() {
  const stats = requestStats.getStore();
  if (stats) stats.dbStatements += 1;
}
