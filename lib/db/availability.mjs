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
 * server.mjs: a 5xx this response is about to send becomes 503 with Retry-After while the
 * database is unreachable ("come back shortly", not "the store is broken").
 * @param {import("node:http").ServerResponse} res
 */
export function answerOutagesWith503(res) {
  const writeHead = res.writeHead;
  res.writeHead = /** @type {any} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      if (status >= 500 && databaseUnreachable()) {
        if (typeof rest[0] === "string") rest.shift();
        res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
        return writeHead.call(res, 503, ...rest);
      }
      return writeHead.call(res, status, ...rest);
    }
  );
}
