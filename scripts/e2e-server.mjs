// The Playwright web server: node scripts/e2e-server.mjs <pglite|postgres> <port>
// Builds the app once into .next-e2e-build (the build reads no database), copies it to a folder of
// this server's own (ISR caches must not leak between databases), creates a fresh throwaway
// database, migrates and seeds it, then serves the production build. Never touches .data/pglite,
// .next or a running `npm start`.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIsCurrent } from "./build-freshness.mjs";

const [database, port] = process.argv.slice(2);
if (!["pglite", "postgres"].includes(database) || !port) {
  console.error("usage: node scripts/e2e-server.mjs <pglite|postgres> <port>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const BUILD_DIR = process.env.E2E_BUILD_DIR || ".next-e2e-build";
const distDir = `.next-e2e-${database}`;

function run(args, env) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) process.exit(result.status || 1);
}

async function throwawayDatabaseUrl() {
  if (database === "pglite") {
    const dir = path.join(root, ".data", `e2e-pglite-${port}`);
    rmSync(dir, { recursive: true, force: true });
    return `pglite:${dir}`;
  }
  const admin = new URL(process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:54329/postgres");
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

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  STORE_MODE: "demo",
  DATABASE_URL: await throwawayDatabaseUrl(),
  NEXT_DIST_DIR: distDir,
  PORT: port,
  HOST: "127.0.0.1",
  SITE_URL: `http://127.0.0.1:${port}`,
};
const tsx = ["--conditions=react-server", "--import", "tsx"];
run([...tsx, "scripts/migrate.ts", "deploy"], env);
run([...tsx, "scripts/seed.ts"], env);
run([...tsx, "scripts/e2e-fixtures.ts"], env);
// Benchmarks ask for a large synthetic catalog on top of the seed.
if (process.env.E2E_LARGE_SEED_BOOKS) {
  run([...tsx, "scripts/seed-large.ts", "--books", process.env.E2E_LARGE_SEED_BOOKS], env);
}
// Known staff accounts for e2e/admin-auth.spec.ts (through the same service as admin:create).
run([...tsx, "scripts/e2e-staff.ts"], env);

Object.assign(process.env, env);
await import("../server.mjs");
