// `prisma generate` (7.10.x) insists the native schema-engine exists, and downloads it otherwise (fails offline).
// generate never runs it, so point the env var at any existing file unless the caller set a real one.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
const require = createRequire(import.meta.url);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || fileURLToPath(import.meta.url),
};
const r = spawnSync(
  process.execPath,
  [require.resolve("prisma/build/index.js"), "generate", ...process.argv.slice(2)],
  { stdio: "inherit", env },
);
process.exit(r.status ?? 1);
