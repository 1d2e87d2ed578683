// npm start: migrate, seed, build when the sources are newer than the last build, then serve.
// Strictly one after another: PGlite is one process, so nothing may hold .data/ while another
// step opens it (the build itself reads no database; see docs/architecture.md).
import { spawnSync } from "node:child_process";
import nextEnv from "@next/env";
import { buildIsCurrent } from "./build-freshness.mjs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
// .env files load here once, so migrate, seed, build and the server agree on every variable.
nextEnv.loadEnvConfig(root, false);
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
const tsx = ["--conditions=react-server", "--import", "tsx"];

function run(label, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`npm start: ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  console.log(`npm start: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

run("migrate", [...tsx, "scripts/migrate.ts", "deploy"]);
run("seed", [...tsx, "scripts/seed.ts"]);
run("demo admin", [...tsx, "scripts/demo-admin.ts"]);
if (buildIsCurrent(distDir)) console.log(`npm start: ${distDir} is current, not rebuilding`);
else run("build", [path.join(root, "node_modules/next/dist/bin/next"), "build"]);

// Serve from this process, so stopping `npm start` stops the server with it.
Object.assign(process.env, env);
await import("../server.mjs");
