// GET /metrics for server.mjs, answered before Next (it sees every request and costs no render):
// the access rule (access.mjs) first, then the registry's text.
import { writeLogLine } from "../log/json-line.mjs";
import { decideMetricsAccess } from "./access.mjs";
import { metricsText } from "./registry.mjs";

/** @param {string | undefined} url */
export function isMetricsRequest(url) {
  return url === "/metrics" || url?.startsWith("/metrics?") === true;
}

/**
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 * @param {import("./access.mjs").MetricsAccessRule} rule
 */
export async function serveMetrics(req, res, rule) {
  const decision = decideMetricsAccess(rule, {
    remoteAddress: req.socket.remoteAddress,
    authorization: req.headers.authorization,
    forwarded: req.headers["x-forwarded-for"] !== undefined,
  });
  const plain = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
  if (!decision.allowed) {
    res.writeHead(decision.status, {
      ...plain,
      ...(decision.status === 401 ? { "www-authenticate": 'Bearer realm="metrics"' } : {}),
    });
    res.end(decision.message);
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...plain, allow: "GET, HEAD" });
    res.end("Metrics are read with GET.\n");
    return;
  }
  try {
    const { contentType, body } = await metricsText();
    res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    writeLogLine("error", "metrics failed", { error: String(error instanceof Error ? error.stack : error) });
    res.writeHead(500, plain);
    res.end("The metrics could not be collected.\n");
  }
}
