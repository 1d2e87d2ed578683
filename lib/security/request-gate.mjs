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
 * same two are left out of proxy.ts's matcher.
 */
const ROUTE_HANDLERS_WITH_BODIES = [
  /^\/admin\/exchange\/csv-imports$/,
  /^\/admin\/books\/[^/]+\/ebook-files$/,
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
