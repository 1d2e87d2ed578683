// @ts-check
// Next's incremental cache (ISR pages, route handlers) and data cache (unstable_cache) in Redis, so
// that every store instance reads one cache and a tag invalidated by one instance is invalid on all
// (docs/deploy.md). next.config.js sets it as `cacheHandler` only when REDIS_URL is set; the
// embedded default keeps Next's own file-system cache. Plain JavaScript: Next loads it at run time.
//
// Invalidation: each tag's last revalidation time is one field of a Redis hash; an entry older than
// any of its tags' times is a miss (rendered again, blocking), never served stale.
//
// Redis down: every read is a miss (pages render per request from the database: correct, slower),
// writes to the cache are dropped, and tag invalidations are kept in this process and replayed with
// their original time as soon as Redis answers again, so nothing cached before the outage survives
// a write made during it. Every call gives up after REDIS_TIMEOUT_MS.
//
// Tags on the wire: the tags of the page or route entry a request reads or writes are left in the
// request's context (lib/log/request-stats.mjs), and server.mjs sends them as the `xkey` header
// for the edge cache's tag purges (deploy/varnish/store.vcl).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClient } from "@redis/client";
import { purgeEdgeTags } from "./edge-purge.mjs";
import { writeLogLine } from "../log/json-line.mjs";
import { requestStats } from "../log/request-stats.mjs";

const TAGS_HEADER = "x-next-cache-tags";
// Next's own implicit tags (paths): the store never purges by path, so the edge needs none of them.
const IMPLICIT_TAG_PREFIX = "_N_T_";
const TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS || 500);
// Every entry expires in Redis after a day at most (Next revalidates pages hourly anyway), so an
// invalidation lost with a crashed process cannot keep an entry forever; Redis's eviction policy
// (allkeys-lru) bounds the memory.
const MAX_TTL_SECONDS = 86_400;
const PREFIX = process.env.REDIS_KEY_PREFIX || "bookstore:";
const TAGS_KEY = `${PREFIX}tags`;

/**
 * @typedef {{
 *   client: ReturnType<typeof connectClient>,
 *   pending: Map<string, number>,
 *   replaying: NodeJS.Timeout | null,
 *   down: boolean,
 * }} Shared
 */

/** @param {string} url */
function connectClient(url) {
  return createClient({
    url,
    // Commands made while disconnected fail at once instead of queueing behind the reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 1_000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
}

/** One connection per process (Next creates a handler per request), shared through globalThis. */
function shared() {
  const KEY = Symbol.for("bookstore.redisCache");
  const store = /** @type {Record<symbol, Shared | undefined>} */ (/** @type {unknown} */ (globalThis));
  const existing = store[KEY];
  if (existing) return existing;
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("lib/cache/redis-cache-handler.mjs needs REDIS_URL");
  const client = connectClient(url);
  /** @type {Shared} */
  const state = { client, pending: new Map(), replaying: null, down: false };
  client.on("error", (error) => {
    if (!state.down)
      writeLogLine("warn", "redis cache unavailable", { error: String(error?.message ?? error) });
    state.down = true;
  });
  client.on("ready", () => {
    if (state.down) writeLogLine("info", "redis cache available again");
    state.down = false;
    void replayInvalidations(state);
  });
  client.connect().catch(() => {});
  store[KEY] = state;
  return state;
}

/**
 * @template T
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function withTimeout(promise) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis: no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** @param {Shared} state @param {boolean} [afterFailure] */
async function replayInvalidations(state, afterFailure = true) {
  if (state.pending.size === 0) return;
  const entries = [...state.pending];
  try {
    // The later of the stored time and ours: an older replay must not undo a newer invalidation.
    await withTimeout(
      Promise.all(
        entries.map(([tag, at]) =>
          state.client.eval(MAX_HSET, { keys: [TAGS_KEY], arguments: [tag, String(at)] }),
        ),
      ),
    );
    for (const [tag, at] of entries) if (state.pending.get(tag) === at) state.pending.delete(tag);
    if (afterFailure)
      writeLogLine("info", "redis cache: replayed invalidations", { tags: entries.map(([tag]) => tag) });
  } catch (error) {
    writeLogLine("warn", "redis cache: invalidation kept until redis answers", { error: String(error) });
    scheduleReplay(state);
  }
}

/** @param {Shared} state */
function scheduleReplay(state) {
  if (state.replaying) return;
  state.replaying = setTimeout(() => {
    state.replaying = null;
    void replayInvalidations(state);
  }, 1_000);
  state.replaying.unref();
}

const MAX_HSET = `local old = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tonumber(ARGV[2]) > old then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`;

// Buffers and Maps (page payloads, route bodies, segment data) through JSON.
/** @this {Record<string, unknown>} @param {string} key @param {unknown} value */
function replacer(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { $buffer: raw.toString("base64") };
  if (raw instanceof Map) return { $map: [...raw] };
  return value;
}
/** @param {string} _key @param {unknown} value */
function reviver(_key, value) {
  if (value && typeof value === "object") {
    const tagged = /** @type {{ $buffer?: string, $map?: [unknown, unknown][] }} */ (value);
    if (typeof tagged.$buffer === "string") return Buffer.from(tagged.$buffer, "base64");
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map);
  }
  return value;
}

/** @param {unknown} value @returns {string[]} */
function entryTags(value) {
  const headers = /** @type {{ headers?: Record<string, unknown> } | null} */ (value)?.headers;
  const header = headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",").filter(Boolean) : [];
}

/** The page's or route's tags for the edge (server.mjs sends them as `xkey`). @param {unknown} value */
function recordWireTags(value) {
  const kind = /** @type {{ kind?: string } | null} */ (value)?.kind;
  if (kind !== "APP_PAGE" && kind !== "APP_ROUTE") return;
  const stats = requestStats.getStore();
  if (stats) stats.cacheTags = entryTags(value).filter((tag) => !tag.startsWith(IMPLICIT_TAG_PREFIX));
}

export default class RedisCacheHandler {
  /** @param {{ serverDistDir?: string }} context */
  constructor(context) {
    this.state = shared();
    // Pages hold the build's asset names: each build keeps its own entries (a rolling restart runs
    // two builds side by side); tag times are shared by all.
    this.prefix = `${PREFIX}${buildId(context.serverDistDir)}:`;
  }

  /**
   * @param {string} key
   * @param {{ kind?: string, tags?: string[], softTags?: string[] }} [context]
   */
  async get(key, context) {
    if (this.state.down) return null;
    try {
      const stored = await withTimeout(this.state.client.get(this.prefix + key));
      if (!stored) return null;
      /** @type {{ lastModified: number, value: unknown }} */
      const entry = JSON.parse(stored, reviver);
      const tags = [
        ...new Set([...entryTags(entry.value), ...(context?.tags ?? []), ...(context?.softTags ?? [])]),
      ];
      if (tags.length > 0) {
        const times = await withTimeout(this.state.client.hmGet(TAGS_KEY, tags));
        if (times.some((time) => time !== null && Number(time) >= entry.lastModified)) return null;
      }
      recordWireTags(entry.value);
      return entry;
    } catch (error) {
      writeLogLine("warn", "redis cache read failed", { key, error: String(error) });
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {{ cacheControl?: { revalidate?: number | false, expire?: number } }} [context]
   */
  async set(key, data, context) {
    recordWireTags(data);
    if (this.state.down || !data) return;
    const entry = { lastModified: Date.now(), value: data };
    const expire = context?.cacheControl?.expire;
    const ttl = Math.min(
      typeof expire === "number" && expire > 0 ? expire : MAX_TTL_SECONDS,
      MAX_TTL_SECONDS,
    );
    try {
      await withTimeout(
        this.state.client.set(this.prefix + key, JSON.stringify(entry, replacer), { EX: ttl }),
      );
    } catch (error) {
      writeLogLine("warn", "redis cache write failed", { key, error: String(error) });
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    // Every revalidation expires at once (the store only ever expires tags; docs/architecture.md).
    const now = Date.now();
    const list = [tags].flat();
    for (const tag of list) this.state.pending.set(tag, Math.max(now, this.state.pending.get(tag) ?? 0));
    if (this.state.down) {
      writeLogLine("warn", "redis cache: invalidation kept until redis answers", { tags: list });
      scheduleReplay(this.state);
    } else {
      await replayInvalidations(this.state, false);
    }
    // After the shared cache, so that the edge's next fetch renders the page anew. Next awaits
    // this before it answers the write (a server action's redirect, an API response).
    await purgeEdgeTags(list.filter((tag) => !tag.startsWith(IMPLICIT_TAG_PREFIX)));
  }

  resetRequestCache() {}
}

/** @param {string | undefined} serverDistDir */
function buildId(serverDistDir) {
  if (!serverDistDir) return "dev";
  try {
    return readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}
