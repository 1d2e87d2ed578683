// Spans for what a request waits on (database statements, the payment provider, SMTP), written
// so that traces cost nothing when they are off: lib/telemetry/start.mjs, loaded by server.mjs only
// when OTEL_EXPORTER_OTLP_ENDPOINT is set, puts its tracing on globalThis; without it every call
// here is one property read. Shared through globalThis because Next bundles its own copy of this
// module beside the one server.mjs imports. Plain JavaScript so the custom server can use it.

const KEY = Symbol.for("bookstore.tracing");
const store = /** @type {Record<symbol, import("./spans.d.mts").Tracing | undefined>} */ (
  /** @type {unknown} */ (globalThis)
);

/** The process's tracing, or undefined when traces are off. */
export function tracing() {
  return store[KEY];
}

/** @param {import("./spans.d.mts").Tracing} value */
export function installTracing(value) {
  store[KEY] = value;
}

/**
 * Runs `work` inside a span named `name` (a child of the current request's span), or just runs it
 * when traces are off.
 * @template T
 * @param {string} name
 * @param {Record<string, string | number | boolean>} attributes
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export function inSpan(name, attributes, work) {
  const current = store[KEY];
  return current ? current.inSpan(name, attributes, work) : work();
}

/** The trace id of the span running now, for log lines (undefined when traces are off). */
export function currentTraceId() {
  return store[KEY]?.currentTraceId();
}
