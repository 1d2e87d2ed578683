// Graceful shutdown of the production server (server.mjs), on SIGTERM or SIGINT:
//   1. draining: /api/ready answers 503 at once and every answer from now on closes its connection;
//      for SHUTDOWN_DRAIN_MS (default 0) the listener stays open, so a load balancer that watches
//      readiness takes the instance out before any connection is refused;
//   2. the listener closes (new connections are refused) and idle keep-alive connections with it;
//   3. requests in flight finish, for at most SHUTDOWN_TIMEOUT_MS (default 10 s); what is still
//      running then is cut, logged, and the exit code is 1;
//   4. the registered tasks run (lib/shutdown/tasks.mjs: the mail worker stops, the rate-limit
//      batch is written, the database closes, the traces are sent), for at most TASKS_TIMEOUT_MS;
//   5. exit 0 when everything finished. A second signal (a second or more later) exits at once with 1.
import { writeLogLine } from "../log/json-line.mjs";
import { runShutdownTasks } from "./tasks.mjs";

/** The registered tasks' bound: closing PGlite and sending the last spans take well under it. */
export const TASKS_TIMEOUT_MS = 5_000;

/**
 * SHUTDOWN_TIMEOUT_MS and SHUTDOWN_DRAIN_MS, or an error message naming the variable and the fix.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ ok: true, timeoutMs: number, drainMs: number } | { ok: false, message: string }}
 */
export function readShutdownSettings(env) {
  /** @param {string} name @param {number} fallback */
  const read = (name, fallback) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    return /^\d{1,7}$/.test(raw) ? Number(raw) : null;
  };
  const timeoutMs = read("SHUTDOWN_TIMEOUT_MS", 10_000);
  if (timeoutMs === null)
    return { ok: false, message: "SHUTDOWN_TIMEOUT_MS: a whole number of milliseconds, e.g. 10000." };
  const drainMs = read("SHUTDOWN_DRAIN_MS", 0);
  if (drainMs === null)
    return { ok: false, message: "SHUTDOWN_DRAIN_MS: a whole number of milliseconds, e.g. 0 or 5000." };
  return { ok: true, timeoutMs, drainMs };
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Installs the signal handlers for `server` and returns what its request handler calls.
 * @param {import("node:http").Server} server
 * @param {{ timeoutMs: number, drainMs: number }} settings
 */
export function gracefulShutdown(server, { timeoutMs, drainMs }) {
  /** @type {Map<import("node:http").ServerResponse, { requestId: string, method: string | undefined, path: string | undefined, started: number }>} */
  const inFlight = new Map();
  let draining = false;
  /** @type {(() => void) | null} */
  let onIdle = null;

  /**
   * Counts a request until its response closes. Returns true when it was answered here: a
   * readiness probe while the instance stops.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {string} requestId @param {string | undefined} path the path as it may be logged
   */
  function track(req, res, requestId, path) {
    if (draining) {
      res.setHeader("connection", "close");
      if (req.url === "/api/ready" || req.url?.startsWith("/api/ready?")) {
        res.writeHead(503, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ status: "stopping" }));
        return true;
      }
    }
    inFlight.set(res, { requestId, method: req.method, path, started: Date.now() });
    res.once("close", () => {
      inFlight.delete(res);
      if (inFlight.size === 0) onIdle?.();
    });
    return false;
  }

  /** @param {number} ms @returns {Promise<boolean>} whether every request finished in time */
  function requestsFinished(ms) {
    if (inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      onIdle = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /** @param {NodeJS.Signals} signal */
  async function stop(signal) {
    const started = Date.now();
    draining = true;
    writeLogLine("info", "shutdown", { signal, inFlight: inFlight.size, timeoutMs, drainMs });
    for (const res of inFlight.keys()) if (!res.headersSent) res.setHeader("connection", "close");
    if (drainMs > 0) await sleep(drainMs);
    // Refuses new connections and closes the idle keep-alive ones (Node >= 19), which would
    // otherwise hold the process for their keep-alive timeout.
    server.close(() => {});
    server.closeIdleConnections();
    const finished = await requestsFinished(timeoutMs);
    const cut = [...inFlight.values()].map(({ requestId, method, path, started: at }) => ({
      requestId,
      method,
      path,
      runningMs: Date.now() - at,
    }));
    if (!finished) writeLogLine("error", "shutdown cut requests still running", { timeoutMs, requests: cut });
    server.closeAllConnections();
    const tasks = runShutdownTasks((task, error) =>
      writeLogLine("error", "shutdown task failed", { task, error: String(error) }),
    );
    const failed = await Promise.race([tasks, sleep(TASKS_TIMEOUT_MS).then(() => ["(timed out)"])]);
    writeLogLine(finished && failed.length === 0 ? "info" : "error", "shutdown complete", {
      ms: Date.now() - started,
      cutRequests: cut.length,
      failedTasks: failed,
    });
    process.exit(finished && failed.length === 0 ? 0 : 1);
  }

  let stoppingSince = 0;
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
    process.on(signal, () => {
      // Ctrl-C under `npm start` reaches this process twice at once (from the terminal, and
      // forwarded by npm): only a signal a second later or more means "stop now".
      if (stoppingSince && Date.now() - stoppingSince < 1_000) return;
      if (stoppingSince) {
        writeLogLine("warn", "shutdown forced by a second signal", { signal, inFlight: inFlight.size });
        process.exit(1);
      }
      stoppingSince = Date.now();
      void stop(signal);
    });
  }
  return { track };
}
