// Requests refused before Next sees them: server action posts Next itself would answer with a 500.
// Next counts a server action's body against `serverActions.bodySizeLimit` (next.config.js) and
// stops reading past it, but answers that refusal, a cross-origin action and an `Origin: null`
// one with a 500. So server.mjs refuses them here, by their headers alone, with the right 4xx:
// bodies of page requests must declare their length (411) within the limit (413); an Origin, when
// sent, must be this host (403). Route handlers (/api, the CSV upload) read their own bodies with
// lib/api/body.ts and are left to it.

/** Largest server action body: the listing form at its caps is about 120 KB. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Route handlers that take a body outside /api; they bound it themselves (readBoundedBody). The
 * same ones are left out of proxy.ts's matcher.
 */
const ROUTE_HANDLERS_WITH_BODIES = [
  /^\/admin\/exchange\/csv-imports$/,
  /^\/admin\/books\/[^/]+\/ebook-files$/,
  /^\/admin\/books\/[^/]+\/cover$/,
];
const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ method?: string; url?: string; headers: Record<string, string | string[] | undefined> }} req
 * @returns {{ status: number; message: string } | null} the refusal, or null to let the request through
 */
export function refusePageRequest(req) {
  if (WITHOUT_BODY.has(req.method ?? "GET")) return null;
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/api/") || ROUTE_HANDLERS_WITH_BODIES.some((route) => route.test(path))) return null;
  const { headers } = req;
  const length = headers["content-length"];
  if (length === undefined && headers["transfer-encoding"] !== undefined) {
    return { status: 411, message: "Send the form with a Content-Length." };
  }
  if (length !== undefined && !(Number(length) <= SERVER_ACTION_BODY_LIMIT_BYTES)) {
    return { status: 413, message: `Forms are limited to ${SERVER_ACTION_BODY_LIMIT_BYTES / 1024} KB.` };
  }
  const origin = headers["origin"];
  if (typeof origin === "string") {
    const forwarded = headers["x-forwarded-host"];
    const host =
      (typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined) || headers["host"];
    let originHost = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" (sandboxed frames, some redirects) names no host.
    }
    if (originHost !== host)
      return { status: 403, message: "Forms are accepted from this site's own pages only." };
  }
  return null;
}

// A client sends its whole body before it reads the answer (browsers, fetch, curl). Answering and
// closing while the body still arrives resets the connection, and the client reports a broken
// pipe instead of the refusal. So a refused body of a declared length up to this much is read and
// dropped first (as nginx's lingering close does); a larger or unmeasured one is cut off at once.
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * Sends a refusal from refusePageRequest and closes the connection.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ status: number; message: string }} refusal
 */
export function sendRefusal(req, res, { status, message }) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const answer = () => {
    clearTimeout(timer);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end(message);
  };
  const declared = Number(req.headers["content-length"]);
  if (!(declared > 0 && declared <= DRAIN_LIMIT_BYTES) || req.complete) return answer();
  timer = setTimeout(answer, DRAIN_TIMEOUT_MS);
  req.once("end", answer);
  req.once("error", answer);
  req.resume();
}
