// The Playwright web server: node scripts/test/e2e-server.mjs <pglite|postgres> <port>
//                         or: node scripts/test/e2e-server.mjs stripe <port> <stripe-mock-port>
//                         or: node scripts/test/e2e-server.mjs outage <port> <postgres-port>
// `stripe` is a live-mode store (STORE_MODE=live, PostgreSQL, Stripe Checkout) whose Stripe API is
// the project's mock (scripts/test/stripe-mock.mjs), started here in the same process. `outage` is a
// demo store on a PostgreSQL server of its own (data in .data/e2e-outage-pg-<postgres-port>), which
// e2e/outage.spec.ts stops and starts again.
// Builds the app once into .next-e2e-build (the build reads no database), copies it to a folder of
// this server's own (ISR caches must not leak between databases), creates a fresh throwaway
// database, sets it up (a demo store: its own first start, as `npm start` on an empty database; the
// live store: `db:migrate` and `db:seed`, its release steps), adds the test fixtures, then serves
// the production build (for a demo store, a restart). Never touches .data/pglite, .next or a
// running `npm start`.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIsCurrent } from "../ops/build-freshness.mjs";

const [mode, port, mockPort] = process.argv.slice(2);
if (
  !["pglite", "postgres", "stripe", "outage"].includes(mode) ||
  !port ||
  ((mode === "stripe" || mode === "outage") && !mockPort)
) {
  console.error(
    "usage: node scripts/test/e2e-server.mjs <pglite|postgres> <port> | stripe <port> <mock-port> | outage <port> <postgres-port>",
  );
  process.exit(2);
}
const database = mode === "pglite" ? "pglite" : "postgres";
const root = path.resolve(import.meta.dirname, "../..");
const BUILD_DIR = process.env.E2E_BUILD_DIR || ".next-e2e-build";
const distDir = `.next-e2e-${mode}`;

function run(args, env) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) process.exit(result.status || 1);
}

/** Runs `npm start`'s script until its database is set up ("database ready"), then stops it. */
async function firstStart(startEnv) {
  const child = spawn(process.execPath, ["scripts/ops/start.mjs"], {
    cwd: root,
    env: startEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise((resolve) => {
    let buffered = "";
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      if (buffered.includes('"msg":"database ready"')) resolve(true);
    });
    child.once("exit", () => resolve(false));
  });
  const exited = child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null;
  if (!ready) {
    console.error("e2e server: the store's first start exited before its database was set up.");
    process.exit(1);
  }
  child.kill("SIGTERM");
  await exited;
}

/** Starts (or reuses) the outage store's own PostgreSQL; its URL for the postgres database. */
function outagePostgresUrl() {
  const url = execFileSync("bash", [path.join(root, "scripts/test/pg-start.sh")], {
    cwd: root,
    env: {
      ...process.env,
      PGPORT: mockPort,
      PG_DATA_DIR: path.join(root, ".data", `e2e-outage-pg-${mockPort}`),
      PG_OWN_PORT: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return `${url
    .toString()
    .trim()
    .replace(/\/[^/]*$/, "")}/postgres`;
}

async function throwawayDatabaseUrl() {
  if (database === "pglite") {
    const dir = path.join(root, ".data", `e2e-pglite-${port}`);
    rmSync(dir, { recursive: true, force: true });
    return `pglite:${dir}`;
  }
  const admin = new URL(
    mode === "outage"
      ? outagePostgresUrl()
      : process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:54329/postgres",
  );
  if (!["127.0.0.1", "localhost", "::1"].includes(admin.hostname)) {
    console.error(`Refusing to run e2e tests against a database that is not local (${admin.hostname}).`);
    process.exit(1);
  }
  const name = `bookstore_e2e_${port}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.toString();
}

if (!buildIsCurrent(BUILD_DIR)) {
  run([path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: BUILD_DIR,
  });
}
rmSync(path.join(root, distDir), { recursive: true, force: true });
cpSync(path.join(root, BUILD_DIR), path.join(root, distDir), { recursive: true });

// Live mode refuses the demo secrets: fresh ones per run, the webhook secret shared with the mock.
const WEBHOOK_SECRET = `whsec_e2e_${randomBytes(16).toString("hex")}`;
const live =
  mode === "stripe"
    ? {
        STORE_MODE: "live",
        SESSION_SECRET: randomBytes(32).toString("hex"),
        STRIPE_SECRET_KEY: "sk_test_mock",
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_BASE: `http://127.0.0.1:${mockPort}`,
      }
    : { STORE_MODE: "demo" };

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  ...live,
  // Mail goes to an SMTP server that e2e/delivery.spec.ts runs in its own process on port + 4
  // (e2e/support/mail.ts); while none listens, the outbox keeps the emails and retries.
  SMTP_URL: `smtp://127.0.0.1:${Number(port) + 4}`,
  MAIL_FROM: "Quire Books <orders@e2e.test>",
  DATABASE_URL: await throwawayDatabaseUrl(),
  NEXT_DIST_DIR: distDir,
  PORT: port,
  HOST: "127.0.0.1",
  SITE_URL: `http://127.0.0.1:${port}`,
  // /metrics from loopback needs the token too (TEST-NET-1 is nobody's network): e2e/metrics.spec.ts
  // then stands for a client outside the store's network.
  METRICS_ALLOW_FROM: "192.0.2.0/24",
  METRICS_TOKEN: "e2e-metrics-token-not-secret",
};
const tsx = ["--conditions=react-server", "--import", "tsx"];
if (mode === "stripe") {
  // A live store never sets its database up when it starts: these are its release steps.
  run([...tsx, "scripts/ops/migrate.ts", "deploy"], env);
  run([...tsx, "scripts/ops/seed.ts"], env);
} else {
  // A demo store sets its empty database up itself, as `npm start` does: start it once through
  // scripts/ops/start.mjs (on a port of its own, so Playwright does not take it for this server) until
  // it has done so, then stop it. Serving below is then a restart, which must find nothing to do.
  await firstStart({ ...env, PORT: String(Number(port) + 40) });
}
// Benchmarks ask for a large synthetic catalog on top of the seed (before the fixtures: the large
// seed refuses a database holding more than the seed catalog).
if (process.env.E2E_LARGE_SEED_BOOKS) {
  run([...tsx, "scripts/ops/seed-large.ts", "--books", process.env.E2E_LARGE_SEED_BOOKS], env);
}
run([...tsx, "scripts/test/e2e-fixtures.ts"], env);
// Known staff accounts for e2e/admin-auth.spec.ts (through the same service as admin:create).
run([...tsx, "scripts/test/e2e-staff.ts"], env);

if (mode === "stripe") {
  const { startStripeMock } = await import("./stripe-mock.mjs");
  await startStripeMock({ port: Number(mockPort), webhookSecret: WEBHOOK_SECRET });
}
Object.assign(process.env, env);
await import("../../server.mjs");
