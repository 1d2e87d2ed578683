import type { Instrumentation } from "next";
import { isDatabaseUnreachableError, noteDatabaseOutcome } from "@/lib/db/availability.mjs";
import { getDatabase } from "@/lib/db/process-database";
import { EnvError, getEnv } from "@/lib/env";
import { deleteUnreachableRows, HOUSEKEEPING_INTERVAL_MS } from "@/lib/housekeeping";
import { log } from "@/lib/log";
import { redactPath } from "@/lib/log/redact.mjs";

export function checkEnvironmentOrExit() {
  try {
    const env = getEnv();
    log.info("environment", {
      storeMode: env.STORE_MODE,
      database: env.databaseKind,
      payments: env.paymentProvider,
      siteUrl: env.SITE_URL,
    });
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(
      `The store cannot start. ${error.message}\nSee .env.example and README.md ("Modes and configuration").`,
    );
    process.exit(1);
  }
}

/** Opens the database at start-up, so the first shopper does not wait for PGlite to load. */
export async function openDatabaseEarly() {
  const started = Date.now();
  const db = await getDatabase();
  await db.prisma.$queryRaw`SELECT 1`;
  log.info("database ready", { database: db.kind, ms: Date.now() - started });
}

/** Housekeeping (lib/housekeeping) now and then hourly; a failure is logged and tried again next time. */
export function startHousekeeping() {
  const run = async () => {
    try {
      const deleted = await deleteUnreachableRows((await getDatabase()).prisma);
      if (Object.values(deleted).some((count) => count > 0)) log.info("housekeeping", { deleted });
    } catch (error) {
      log.error("housekeeping failed", error);
    }
  };
  void run();
  setInterval(() => void run(), HOUSEKEEPING_INTERVAL_MS).unref();
}

export function logRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>) {
  // server.mjs answers this request's 5xx as a 503 when the database could not be reached.
  noteDatabaseOutcome(error);
  const requestId = (request.headers as Record<string, string | string[] | undefined>)["x-request-id"];
  if (isDatabaseUnreachableError(error)) {
    // An outage fails every request alike: one short line each, not a stack trace each.
    log.warn("render unavailable: the database cannot be reached", {
      requestId,
      path: redactPath(request.path),
    });
    return;
  }
  log.error("render error", error, {
    requestId,
    method: request.method,
    path: redactPath(request.path),
    routePath: context.routePath,
    routeType: context.routeType,
  });
}
