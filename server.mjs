// The production server: Next's request handler behind a small http server that gives every
// request an id (echoed as X-Request-Id and visible to the app as a request header) and writes
// one JSON log line per request. `npm start` runs it after building when the build is stale.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { answerOutagesWith503 } from "./lib/db/availability.mjs";
import { writeLogLine } from "./lib/log/json-line.mjs";
import { redactPath } from "./lib/log/redact.mjs";
import { requestStats } from "./lib/log/request-stats.mjs";
import { metricsAccessRule } from "./lib/metrics/access.mjs";
import { collectProcessMetrics, observeRequest } from "./lib/metrics/registry.mjs";
import { isMetricsRequest, serveMetrics } from "./lib/metrics/serve.mjs";
import { correctNextAnswers } from "./lib/serve/next-answers.mjs";
import { staticFiles } from "./lib/serve/static-files.mjs";
import { applyStaticSecurityHeaders, staticSecurityHeaders } from "./lib/security/headers.mjs";
import { refusePageRequest, sendRefusal } from "./lib/security/request-gate.mjs";
import { gracefulShutdown, readShutdownSettings } from "./lib/shutdown/server.mjs";
import { tracing } from "./lib/telemetry/spans.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;
// Who may read /metrics (METRICS_ALLOW_FROM, METRICS_TOKEN): checked before anything starts.
const metricsAccess = (() => {
  try {
    return metricsAccessRule(process.env);
  } catch (error) {
    console.error(`The store cannot start. ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
})();
collectProcessMetrics();
const securityHeaders = staticSecurityHeaders({
  live: process.env.STORE_MODE?.trim() === "live",
  https: (process.env.SITE_URL ?? "").trim().startsWith("https:"),
});

const shutdownSettings = readShutdownSettings(process.env);
if (!shutdownSettings.ok) {
  console.error(`The store cannot start. ${shutdownSettings.message}`);
  process.exit(1);
}
// Traces only with an OTLP endpoint: without one, nothing of OpenTelemetry's SDK is loaded
// (docs/operations.md#traces). Before Next loads, so its own spans find the tracer.
if (
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() ||
  process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim()
) {
  await (await import("./lib/telemetry/start.mjs")).startTracing();
}

// No `hostname` for Next itself: it builds the proxy's request URLs on "localhost" whatever the
// listening address, and treats a proxy.ts rewrite to any other origin as an external one that it
// forwards over HTTP (with HOST=127.0.0.1 or 0.0.0.0 every rewrite was a second request).
const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();
// The build's prerendered not-found page: the body of every 404 document (lib/serve/next-answers.mjs).
const distDir = process.env.NEXT_DIST_DIR || ".next";
const notFoundPage = readFileSync(path.join(import.meta.dirname, distDir, "server/app/_not-found.html"));
const serveStaticFile = staticFiles(path.join(import.meta.dirname, distDir, "static"));

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  const loggedPath = redactPath(req.url);
  const span = tracing()?.startRequest(req, res, requestId, loggedPath);
  // Always overwritten, so clients cannot forge it: rate limits and the audit log read it
  // (lib/auth/client-ip.ts; TRUSTED_PROXY_HOPS for deployments behind a reverse proxy).
  req.headers["x-client-ip"] = req.socket.remoteAddress ?? "";
  res.setHeader("X-Request-Id", requestId);
  // Per-request pages replace the policy with their nonce one (proxy.ts).
  applyStaticSecurityHeaders(req, res, securityHeaders);
  correctNextAnswers(req, res, notFoundPage);
  answerOutagesWith503(req, res);
  if (shutdown.track(req, res, requestId, loggedPath)) return;
  // SQL statements this request sent before its headers went out (all of them in the log line).
  /** @type {import("./lib/log/request-stats.mjs").RequestStats} */
  const stats = { dbStatements: 0 };
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    res.setHeader("Server-Timing", `db;desc="${stats.dbStatements} statements"`);
    // The cache tags of a shared-cacheable answer, for the edge's tag purges (docs/deploy.md).
    if (stats.cacheTags?.length && /\bpublic\b/.test(String(res.getHeader("cache-control") ?? ""))) {
      res.setHeader("xkey", stats.cacheTags.join(" "));
    }
    return writeHead.apply(res, /** @type {any} */ (args));
  };
  res.on("finish", () => {
    const nanoseconds = process.hrtime.bigint() - started;
    writeLogLine("info", "request", {
      requestId,
      method: req.method,
      path: loggedPath,
      status: res.statusCode,
      durationMs: Number(nanoseconds / 1000n) / 1000,
      dbStatements: stats.dbStatements,
      ...(span && { traceId: span.traceId }),
    });
    observeRequest(
      req.method,
      req.url,
      res.statusCode,
      res.getHeader("x-nextjs-cache"),
      Number(nanoseconds) / 1e9,
    );
  });
  if (isMetricsRequest(req.url)) {
    void serveMetrics(req, res, metricsAccess);
    return;
  }
  const refused = refusePageRequest(req);
  if (refused) {
    sendRefusal(req, res, refused);
    return;
  }
  const handleCounted = () => requestStats.run(stats, () => handle(req, res));
  const serve = () =>
    (span ? span.run(handleCounted) : handleCounted()).catch((error) => {
      writeLogLine("error", "request failed", { requestId, error: String(error?.stack ?? error) });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  if (serveStaticFile(req, res, serve)) return;
  void serve();
});
server.keepAliveTimeout = 65_000;
const shutdown = gracefulShutdown(server, shutdownSettings);
server.listen(port, hostname, () => {
  writeLogLine("info", "listening", {
    url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
  });
  // Next starts up (instrumentation.ts: the environment check, the database and its setup) on the
  // first request it handles, and holds every request until that is done: ask for one now, so that
  // it starts at once rather than when the first shopper arrives.
  const self = ["0.0.0.0", "::"].includes(hostname) ? "127.0.0.1" : hostname;
  fetch(`http://${self.includes(":") ? `[${self}]` : self}:${port}/api/health`)
    .then((response) => response.arrayBuffer())
    .catch((error) => writeLogLine("warn", "start-up request failed", { error: String(error) }));
});
