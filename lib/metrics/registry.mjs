// The store's Prometheus metrics (docs/operations.md "Metrics"), served at /metrics by server.mjs.
// One registry per process, kept on globalThis: Next bundles its own copy of this module (and of
// prom-client) beside the one server.mjs imports, and both must record into the metrics served.
// server.mjs imports this first, so its copy creates them; the app's copy finds them.
// Recording is on the hot path: label children are looked up once and kept, durations come from
// clocks the caller already read.
import client from "prom-client";
import { databaseUnreachable } from "../db/availability.mjs";
import { routeKind } from "./route-kind.mjs";

const KEY = Symbol.for("bookstore.metrics");
/** How long a scrape-time database reading (the outbox) is reused: scrapes of both instances and of
 * several Prometheus servers cost one query per instance per interval. */
const OUTBOX_READING_MS = 5_000;

/** @typedef {{ queued: number, failed: number, oldestQueuedSeconds: number }} OutboxReading */
/** @typedef {{ totalCount: number, idleCount: number, waitingCount: number }} PoolLike */

function createMetrics() {
  const registry = new client.Registry();
  /** @type {{ pool: PoolLike | null, outbox: (() => Promise<OutboxReading>) | null,
   *   outboxReading: { at: number, value: Promise<OutboxReading | null> } | null, processMetrics: boolean }} */
  const sources = { pool: null, outbox: null, outboxReading: null, processMetrics: false };

  const requestDuration = new client.Histogram({
    name: "bookstore_http_request_duration_seconds",
    help: "Requests answered by this instance, from arrival to the last byte written, by route kind, method, status class and Next's cache outcome.",
    labelNames: ["route", "method", "status", "cache"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const dbQueryDuration = new client.Histogram({
    name: "bookstore_db_query_duration_seconds",
    help: "SQL statements the app sent through Prisma's driver adapter, from sending to the answer (waiting for a pooled connection included).",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new client.Gauge({
    name: "bookstore_db_pool_connections",
    help: "PostgreSQL connections in this instance's pool: open (total), open and unused (idle), and queries waiting for one (waiting). Absent on PGlite.",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = sources.pool;
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  const searchDuration = new client.Histogram({
    name: "bookstore_search_duration_seconds",
    help: "Catalog searches (results: the hits, facets: the filter counts, suggest: autocomplete), database time included.",
    labelNames: ["kind"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const rateLimitRefusals = new client.Counter({
    name: "bookstore_rate_limit_refusals_total",
    help: "Requests refused by a rate limit (sign_in, rating, api).",
    labelNames: ["limit"],
    registers: [registry],
  });
  const webhookEvents = new client.Counter({
    name: "bookstore_webhook_events_total",
    help: "Payment provider webhook deliveries by outcome: paid, expired, refunded, ignored, replay (seen before), refused (bad signature), failed (not applied; the provider retries).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const mailFailures = new client.Counter({
    name: "bookstore_mail_delivery_failures_total",
    help: "Failed attempts to send an email from the outbox; final=true when it was the last attempt (the email is marked failed).",
    labelNames: ["final"],
    registers: [registry],
  });

  new client.Gauge({
    name: "bookstore_database_reachable",
    help: "1 while the last database call of this instance got an answer, 0 while the database cannot be reached (the instance answers 503 and /api/ready fails).",
    registers: [registry],
    collect() {
      this.set(databaseUnreachable() ? 0 : 1);
    },
  });

  /** The outbox's state, read at most every OUTBOX_READING_MS; null when it could not be read. */
  const outboxReading = () => {
    const source = sources.outbox;
    if (!source) return Promise.resolve(null);
    const now = Date.now();
    if (!sources.outboxReading || now - sources.outboxReading.at >= OUTBOX_READING_MS) {
      sources.outboxReading = { at: now, value: source().catch(() => null) };
    }
    return sources.outboxReading.value;
  };
  new client.Gauge({
    name: "bookstore_mail_outbox_messages",
    help: "Emails in the outbox not sent: queued (to be sent or retried) and failed (gave up; staff can queue them again). Read from the database at scrape time, reused for 5 s.",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const reading = await outboxReading();
      this.reset();
      if (!reading) return;
      this.set({ state: "queued" }, reading.queued);
      this.set({ state: "failed" }, reading.failed);
    },
  });
  new client.Gauge({
    name: "bookstore_mail_outbox_oldest_queued_seconds",
    help: "Age of the oldest queued email (0 when none is queued): a backlog that only grows means mail is not going out.",
    registers: [registry],
    async collect() {
      const reading = await outboxReading();
      this.reset();
      if (reading) this.set(reading.oldestQueuedSeconds);
    },
  });

  /** @type {Map<string, client.Histogram.Internal<string>>} */
  const requestChildren = new Map();
  return {
    registry,
    sources,
    /** @param {string} route @param {string} method @param {string} status @param {string} cache */
    requestChild(route, method, status, cache) {
      const key = `${route} ${method} ${status} ${cache}`;
      let child = requestChildren.get(key);
      if (!child) {
        child = requestDuration.labels({ route, method, status, cache });
        requestChildren.set(key, child);
      }
      return child;
    },
    dbQueryDuration,
    searchDuration,
    rateLimitRefusals,
    webhookEvents,
    mailFailures,
  };
}

const store = /** @type {Record<symbol, ReturnType<typeof createMetrics> | undefined>} */ (
  /** @type {unknown} */ (globalThis)
);
const metrics = (store[KEY] ??= createMetrics());

const METHODS = new Set(["GET", "HEAD", "POST"]);
/** @type {Record<string, string>} */
const CACHE_OUTCOMES = { HIT: "hit", MISS: "miss", STALE: "stale" };

/**
 * One answered request (server.mjs, when its response has finished). /metrics itself is left out:
 * scrapes would outnumber a quiet store's shoppers.
 * @param {string | undefined} method @param {string | undefined} url @param {number} status
 * @param {unknown} nextCache the response's x-nextjs-cache header @param {number} seconds
 */
export function observeRequest(method, url, status, nextCache, seconds) {
  const route = routeKind(url);
  if (route === "metrics") return;
  metrics
    .requestChild(
      route,
      method && METHODS.has(method) ? method : "other",
      status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other",
      (typeof nextCache === "string" && CACHE_OUTCOMES[nextCache]) || "none",
    )
    .observe(seconds);
}

/**
 * Times a database statement from now until `answer` settles; returns `answer` itself.
 * @template T @param {Promise<T>} answer
 */
export function timeDbQuery(answer) {
  const started = performance.now();
  const done = () => metrics.dbQueryDuration.observe((performance.now() - started) / 1000);
  answer.then(done, done);
  return answer;
}

/** The PostgreSQL pool whose connections bookstore_db_pool_connections reports. @param {PoolLike} pool */
export function watchPool(pool) {
  metrics.sources.pool = pool;
}

/** What bookstore_mail_outbox_* read at scrape time. @param {() => Promise<OutboxReading>} read */
export function setOutboxSource(read) {
  metrics.sources.outbox = read;
  metrics.sources.outboxReading = null;
}

/**
 * @template T @param {"results" | "facets" | "suggest"} kind @param {() => Promise<T>} search
 * @returns {Promise<T>}
 */
export async function timeSearch(kind, search) {
  const started = performance.now();
  try {
    return await search();
  } finally {
    metrics.searchDuration.observe({ kind }, (performance.now() - started) / 1000);
  }
}

/** @param {"sign_in" | "rating" | "api"} limit */
export function countRateLimitRefusal(limit) {
  metrics.rateLimitRefusals.inc({ limit });
}

const WEBHOOK_OUTCOMES = new Set(["paid", "expired", "refunded", "replay", "refused", "failed"]);
/** @param {string} outcome "ignored: …" outcomes count as ignored */
export function countWebhookEvent(outcome) {
  metrics.webhookEvents.inc({ outcome: WEBHOOK_OUTCOMES.has(outcome) ? outcome : "ignored" });
}

/** @param {boolean} final */
export function countMailFailure(final) {
  metrics.mailFailures.inc({ final: String(final) });
}

/** Node's own metrics (event-loop lag, heap, GC, CPU): a server's, not a script's or a test's. */
export function collectProcessMetrics() {
  if (metrics.sources.processMetrics) return;
  metrics.sources.processMetrics = true;
  client.collectDefaultMetrics({ register: metrics.registry });
  // Gauges named like counters (promtool rejects them): sums of nodejs_active_handles,
  // nodejs_active_requests and nodejs_active_resources, which stay.
  for (const name of [
    "nodejs_active_handles_total",
    "nodejs_active_requests_total",
    "nodejs_active_resources_total",
  ])
    metrics.registry.removeSingleMetric(name);
}

/** The exposition text and its content type. */
export async function metricsText() {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
