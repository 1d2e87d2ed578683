import type { Instrumentation } from "next";
import { demoAdminNotice, setUpDatabase } from "@/lib/database-setup";
import { isDatabaseUnreachableError, noteDatabaseOutcome } from "@/lib/db/availability.mjs";
import { getDatabase } from "@/lib/db/process-database";
import { EnvError, getEnv } from "@/lib/env";
import { deleteUnreachableRows, HOUSEKEEPING_INTERVAL_MS } from "@/lib/housekeeping";
import { log } from "@/lib/log";
export { startMailWorker } from "@/lib/mail/worker";
export { registerShutdownTasks } from "@/lib/shutdown/app-tasks";
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

/**
 * Opens the database at start-up, so the first shopper does not wait for PGlite to load; with
 * DATABASE_SETUP_ON_START (demo mode's default) first applies the pending migrations, inserts what
 * is missing of the seed catalog and creates the demo admin, on this same connection (PGlite is one
 * process: nothing else may open it meanwhile). Next answers no request before this returns. A
 * failed setup stops the server rather than serving errors.
 */
export async function prepareDatabase() {
  const started = Date.now();
  const env = getEnv();
  const db = await getDatabase();
  const openMs = Date.now() - started;
  if (env.DATABASE_SETUP_ON_START) {
    try {
      const report = await setUpDatabase(db, { demoAdmin: env.STORE_MODE === "demo" });
      log.info("database set up", {
        database: db.kind,
        migrationsApplied: report.migrations,
        seeded: report.seeded,
        ms: { open: openMs, ...report.ms },
      });
      if (report.demoAdminPassword) console.log(demoAdminNotice(report.demoAdminPassword));
    } catch (error) {
      log.error("database setup failed", error);
      console.error(
        "The store cannot start: setting up its database failed (above). `npm run db:migrate` and `npm run db:seed` run the same steps on their own.",
      );
      process.exit(1);
    }
  } else {
    await db.prisma.$queryRaw`SELECT 1`;
  }
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
