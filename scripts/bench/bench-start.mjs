// npm run bench:start -- [--runs 5] [--port 3510] [--restart [--dir <pglite dir>]]
// How long `npm start` takes, with a current build, to answer its first 200 for the home page:
// on an empty embedded database (a fresh PGlite directory each run), or with --restart on one
// that an earlier start already set up (a first start sets one up, or --dir names one to reuse). Each run starts `node scripts/ops/start.mjs` in its own process
// group, polls http://127.0.0.1:<port>/ every 50 ms, and stops the group at the first 200.
// Prints each run and the median. Build first (`npm run build`): a stale build would be rebuilt.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    port: { type: "string", default: "3510" },
    restart: { type: "boolean", default: false },
    dir: { type: "string" },
  },
});
const root = path.resolve(import.meta.dirname, "../..");
const port = Number(values.port);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "bookstore-bench-start-"));

async function firstOk(deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** One start: milliseconds to the first 200, the server stopped afterwards. */
async function start(dir) {
  const started = Date.now();
  const child = spawn(process.execPath, ["scripts/ops/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: `pglite:${dir}`, PORT: String(port), HOST: "127.0.0.1" },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const ok = await Promise.race([firstOk(started + 120_000), exited.then(() => false)]);
  const ms = Date.now() - started;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
  await exited;
  if (!ok) throw new Error("the server did not answer 200 within 120 s");
  return ms;
}

const times = [];
try {
  const dir = values.restart && values.dir ? path.resolve(values.dir) : path.join(dataDir, "pglite");
  if (values.restart && !values.dir) await start(dir); // sets the database up once
  for (let i = 0; i < Number(values.runs); i++) {
    if (!values.restart) rmSync(dir, { recursive: true, force: true });
    const ms = await start(dir);
    times.push(ms);
    console.log(`run ${i + 1}: first 200 after ${(ms / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `${values.restart ? "restart" : "empty database"}: median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(1)} s (min ${(sorted[0] / 1000).toFixed(1)}, max ${(sorted.at(-1) / 1000).toFixed(1)}) over ${times.length} runs`,
);
