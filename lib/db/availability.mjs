// Whether the database is reachable, as the last database call found it. Kept on globalThis, so
// every bundle of the app and server.mjs (which imports this file itself) share one answer:
// server.mjs turns a 5xx answered while the database is unreachable into a 503 with Retry-After
// (a page cannot set its own status), and the API answers such requests with a 503 problem.

const KEY = Symbol.for("bookstore.databaseAvailability");
/** @type {{ unreachableSince: number | null }} */
const state = /** @type {any} */ (globalThis)[KEY] ?? { unreachableSince: null };
/** @type {any} */ (globalThis)[KEY] = state;

/** What clients are told to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Driver adapter error kinds (@prisma/adapter-pg) that mean "no database to talk to". */
const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
/** Prisma's codes for the same: can't reach, timed out, server closed, no connection from the pool. */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** PostgreSQL: 08xxx connection exceptions, 57P01-03 shutting down or starting up. */
const UNREACHABLE_SQLSTATE = /^(08|57P0[1-3])/;
const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Unable to start a transaction in the given time/;

/**
 * @param {unknown} error
 * @returns {boolean} whether the error says the database cannot be reached (not that a query is wrong)
 */
export function isDatabaseUnreachableError(error) {
  const seen = new Set();
  const queue = [error];
  while (queue.length) {
    const item = /** @type {any} */ (queue.shift());
    if (!item || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    if (UNREACHABLE_KINDS.has(item.kind)) return true;
    if (item.kind === "postgres" && typeof item.code === "string" && UNREACHABLE_SQLSTATE.test(item.code))
      return true;
    if (typeof item.code === "string" && UNREACHABLE_PRISMA_CODES.has(item.code)) return true;
    if (typeof item.message === "string" && UNREACHABLE_MESSAGE.test(item.message)) return true;
    queue.push(item.cause, item.meta?.driverAdapterError, item.originalError);
  }
  return false;
}

/** Records a database call's outcome: any answer means reachable; only connection errors mean not. */
export function noteDatabaseOutcome(/** @type {unknown} */ error) {
  if (!error) state.unreachableSince = null;
  else if (isDatabaseUnreachableError(error)) state.unreachableSince ??= Date.now();
}

export function databaseUnreachable() {
  return state.unreachableSince !== null;
}

/**
 * What a page request gets instead of Next's error page, which without JavaScript is blank: a
 * page of its own that says what happened and looks again after Retry-After.
 */
export const OUTAGE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}"><meta name="robots" content="noindex">
<title>Temporarily unavailable · Quire Books</title>
<style>body{margin:0;font:1.0625rem/1.6 system-ui,sans-serif;color:#2b2118;background:#faf6f0}
main{max-width:36rem;margin:0 auto;padding:3rem 1rem}h1{font-family:Georgia,serif;font-size:2rem;line-height:1.2}
a{color:#8a2f1d}</style></head>
<body><main><p>Quire Books</p><h1>This page could not be shown just now</h1>
<p>The store could not reach its catalog. Nothing you did caused this; this page tries again by itself
in a few seconds.</p><p><a href="/">Go to the home page</a></p></main></body></html>
`;

/**
 * server.mjs: a 5xx this response is about to send becomes 503 with Retry-After while the
 * database is unreachable ("come back shortly", not "the store is broken"). A page (an HTML GET,
 * not an API call or a client navigation's payload) also gets OUTAGE_PAGE for a body: Next's own
 * error output is dropped, compressed or not.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function answerOutagesWith503(req, res) {
  const { writeHead, write, end } = res;
  const isPage =
    req.method === "GET" &&
    !(req.url ?? "").startsWith("/api/") &&
    req.headers["rsc"] === undefined &&
    /text\/html/.test(String(req.headers["accept"] ?? ""));
  let replacing = false;
  res.writeHead = /** @type {any} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      if (status >= 500 && databaseUnreachable()) {
        if (typeof rest[0] === "string") rest.shift();
        res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
        if (status !== 503 && isPage) {
          replacing = true;
          for (const name of ["content-encoding", "content-length", "etag"]) res.removeHeader(name);
          res.setHeader("Content-Type", "text/html; charset=utf-8");
          res.setHeader("Cache-Control", "no-store");
          return writeHead.call(res, 503);
        }
        return writeHead.call(res, 503, ...rest);
      }
      return writeHead.call(res, status, ...rest);
    }
  );
  // Headers that would go out implicitly with the first bytes (statusCode, then write or end) go
  // out first, so the body is chosen before any of Next's is written.
  const sendHeaders = () => {
    if (!res.headersSent) res.writeHead(res.statusCode);
  };
  res.write = /** @type {any} */ (
    function (/** @type {any[]} */ ...args) {
      sendHeaders();
      if (!replacing) return write.apply(res, /** @type {any} */ (args));
      const callback = args.find((arg) => typeof arg === "function");
      if (callback) process.nextTick(callback);
      return true;
    }
  );
  res.end = /** @type {any} */ (
    function (/** @type {any[]} */ ...args) {
      sendHeaders();
      if (!replacing) return end.apply(res, /** @type {any} */ (args));
      const callback = args.find((arg) => typeof arg === "function");
      return end.call(res, OUTAGE_PAGE, "utf8", callback);
    }
  );
}
