// npm start: build when the sources are newer than the last build, then serve. The server itself
// sets the database up before it answers (migrations, seed, demo admin: instrumentation-node.ts,
// in demo mode), on the one connection it serves from: PGlite is one process, and no step here
// opens it (the build reads no database; see docs/architecture.md). No TypeScript is compiled here.
import { spawn } from "node:child_process";
import { once } from "node:events";
import nextEnv from "@next/env";
import { buildIsCurrent } from "./build-freshness.mjs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
// .env files load here once, so the build and the server agree on every variable.
nextEnv.loadEnvConfig(root, false);
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

if (buildIsCurrent(distDir)) console.log(`npm start: ${distDir} is current, not rebuilding`);
else {
  const started = Date.now();
  const build = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  // SIGTERM sent to this process alone (a process manager, by its id) stops the build with it.
  const stopBuild = (/** @type {NodeJS.Signals} */ signal) => build.kill(signal);
  process.on("SIGINT", stopBuild);
  process.on("SIGTERM", stopBuild);
  const [status, signal] = await once(build, "exit");
  process.off("SIGINT", stopBuild);
  process.off("SIGTERM", stopBuild);
  if (status !== 0) {
    console.error(`npm start: build failed (exit ${status ?? signal}).`);
    process.exit(status || 1);
  }
  console.log(`npm start: build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Serve from this process, so stopping `npm start` stops the server with it: SIGTERM and SIGINT
// reach server.mjs's graceful shutdown directly (docs/operations.md#shutdown).
Object.assign(process.env, env);
await import("../../server.mjs");
