// npm run bench:serve: how fast the production build serves its pages, against two floors measured
// in the same run: a bare Node server sending the product page's bytes (this machine's limit for
// that response) and Next's prerendered 404 page (the framework's cheapest page). Then the product
// page, home, /books, a category page and an API detail, at 1 and BENCH_CONNECTIONS (50)
// connections: req/s, p50, p99, errors, and each as a ratio to the 404 page and the bare server.
// Then the trace rows (scripts/bench/serve-traces.mjs: the product page with traces off, on, and
// main's server) and the edge rows (scripts/bench/serve-edge.mjs: Varnish in front of two instances).
// Not part of npm test. The machine is shared: compare ratios within one run, and repeat.
// Then the queueing floor: a bare server as busy per request as the 404 page, at 50 connections.
// Ports: BENCH_PORT (default 3430) the store, +1 the bare server, +2 the queueing floor, +5 the
// trace receiver, +40 the store's first start.
//
// The load generator is wrk (Debian's `wrk`, one thread), or autocannon (a devDependency) where wrk
// is not installed or BENCH_TOOL=autocannon. The store is the production build on a throwaway
// database with the seed catalog (scripts/test/e2e-server.mjs; BENCH_DATABASE=postgres for PostgreSQL).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3430);
const barePort = port + 1;
const base = `http://127.0.0.1:${port}`;
const database = process.env.BENCH_DATABASE ?? "pglite";
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const busy = Number(process.env.BENCH_CONNECTIONS ?? 50);
const hasWrk = spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
const tool = process.env.BENCH_TOOL ?? (hasWrk ? "wrk" : "autocannon");
if (tool === "wrk" && !hasWrk) {
  console.error("BENCH_TOOL=wrk but wrk is not installed (apt-get install wrk), or leave BENCH_TOOL unset");
  process.exit(2);
}
if (!hasWrk) console.error("bench:serve: wrk not found (apt-get install wrk); using autocannon instead");

const children = [];
function start(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
  children.push(child);
  return child;
}
const stopAll = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

start(["scripts/test/e2e-server.mjs", database, String(port)], {
  ...process.env,
  E2E_BUILD_DIR: process.env.E2E_BUILD_DIR ?? ".next-bench",
  // The API's per-client limit would answer 429 within a second at this rate.
  API_RATE_LIMIT_PER_MINUTE: "1000000",
});

async function waitFor(url) {
  for (let i = 0; i < 3600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

await waitFor(`${base}/api/ready`);
const product = "/books/mao-stalin-and-the-korean-war";
const targets = [
  { name: "bare Node server (product bytes)", url: `http://127.0.0.1:${barePort}/`, status: 200 },
  { name: "Next prerendered 404", url: `${base}/no/such/page`, status: 404 },
  { name: "product page", url: base + product, status: 200 },
  { name: "home", url: `${base}/`, status: 200 },
  { name: "/books", url: `${base}/books`, status: 200 },
  { name: "category page", url: `${base}/categories/history`, status: 200 },
  { name: "API detail", url: `${base}/api/v1${product}`, status: 200 },
];

// The bare server answers with the product page's own bytes and content type.
const productResponse = await fetch(base + product);
const productBytes = Buffer.from(await productResponse.arrayBuffer());
const scratch = mkdtempSync(path.join(tmpdir(), "bench-serve-"));
const bodyFile = path.join(scratch, "product.html");
writeFileSync(bodyFile, productBytes);
/** A bare Node server sending the product page's bytes, after spinning `busyMs` per request. */
async function startBareServer(listenPort, busyMs = 0) {
  start(
    [
      "--input-type=module",
      "-e",
      `import { createServer } from "node:http";
       import { readFileSync } from "node:fs";
       const body = readFileSync(${JSON.stringify(bodyFile)});
       createServer((req, res) => {
         ${busyMs > 0 ? `const until = performance.now() + ${busyMs}; while (performance.now() < until);` : ""}
         res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
         res.end(body);
       }).listen(${listenPort}, "127.0.0.1");`,
    ],
    process.env,
  );
  await waitFor(`http://127.0.0.1:${listenPort}/`);
}
await startBareServer(barePort);

// Warm every page (the first request renders and caches it) and the JIT, and check each answers
// what it should: a benchmark of an error page measures nothing.
for (const target of targets) {
  for (let i = 0; i < 30; i++) {
    const response = await fetch(target.url);
    await response.arrayBuffer();
    if (response.status !== target.status) {
      throw new Error(`${target.url} answered ${response.status}, expected ${target.status}`);
    }
  }
  const response = await fetch(target.url);
  target.bytes = (await response.arrayBuffer()).byteLength;
  target.cacheControl = response.headers.get("cache-control") ?? "";
  target.cache = response.headers.get("x-nextjs-cache") ?? "";
}

function toMs(text) {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return { us: n / 1000, ms: n, s: n * 1000, m: n * 60_000 }[m[2]];
}

function runWrk(url, connections) {
  const out = spawnSync(
    "wrk",
    ["-t1", `-c${connections}`, `-d${duration}s`, "--latency", "--timeout", "2s", url],
    { encoding: "utf8" },
  );
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const text = out.stdout;
  const pick = (re) => re.exec(text)?.[1];
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: toMs(pick(/\s50%\s+(\S+)/) ?? ""),
    p99: toMs(pick(/\s99%\s+(\S+)/) ?? ""),
    timeouts: socket ? Number(socket[4]) : 0,
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
    non2xx: Number(pick(/Non-2xx or 3xx responses: (\d+)/) ?? 0),
  };
}

function runAutocannon(url, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, timeout: 2 }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        timeouts: result.timeouts,
        errors: result.errors - result.timeouts,
        non2xx: result.non2xx,
      });
    });
  });
}

const measure = (url, connections) =>
  tool === "wrk" ? runWrk(url, connections) : runAutocannon(url, connections);

// Each line is measured after WARM_SECONDS at the same concurrency (not counted): the first
// second under a new load pays for compiling and growing the heap, which is not its steady state.
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 2);
async function warm(url, connections) {
  if (WARM_SECONDS <= 0) return;
  if (tool === "wrk")
    spawnSync("wrk", ["-t1", `-c${connections}`, `-d${WARM_SECONDS}s`, url], { stdio: "ignore" });
  else await new Promise((resolve) => autocannon({ url, connections, duration: WARM_SECONDS }, resolve));
}

const passes = [];
for (const connections of [1, busy]) {
  const results = [];
  for (const target of targets) {
    await warm(target.url, connections);
    results.push({ target, ...(await measure(target.url, connections)) });
  }
  passes.push({ connections, results });
}

// The queueing floor: a bare server that spends, on each request, the CPU time Next's 404 page
// took per request at BENCH_CONNECTIONS (1 / its req/s), then sends the product page's bytes. It
// does nothing else (no GC to speak of, no I/O, no await), so its p99 is what one thread that busy
// gives at that many connections whatever it runs: a page's p99 cannot be expected below it.
const notFoundBusy = passes.at(-1).results[1];
const floorCostMs = 1000 / notFoundBusy.rps;
const floorPort = port + 2;
await startBareServer(floorPort, floorCostMs);
await warm(`http://127.0.0.1:${floorPort}/`, busy);
const floor = await measure(`http://127.0.0.1:${floorPort}/`, busy);

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
console.log(
  `\nbench:serve: ${tool}${tool === "wrk" ? " -t1" : ""}, ${duration} s per line after ${WARM_SECONDS} s of warm-up, ` +
    `seed catalog on ${database}, load generator on the same machine (${new Date().toISOString()})\n`,
);
for (const t of targets) {
  console.log(
    `  ${t.name.padEnd(32)} ${String(t.bytes).padStart(7)} B  ${t.cache ? `x-nextjs-cache ${t.cache}; ` : ""}` +
      `${t.cacheControl || "no Cache-Control"}`,
  );
}
for (const { connections, results } of passes) {
  const bare = results[0].rps;
  const notFound = results[1].rps;
  console.log(`\n${connections} connection${connections === 1 ? "" : "s"}:`);
  console.log("  page                                req/s   p50 ms   p99 ms  errors  ×404   ×bare");
  for (const r of results) {
    // The 404 page's 404s are its answer, not errors.
    const unexpected = r.target.status === 200 ? r.non2xx : 0;
    const errors = r.errors + r.timeouts + unexpected;
    console.log(
      `  ${r.target.name.padEnd(32)} ${fmt(r.rps, 0).padStart(8)} ${fmt(r.p50, 2).padStart(8)} ` +
        `${fmt(r.p99, 2).padStart(8)} ${String(errors).padStart(7)}` +
        `  ${fmt(r.rps / notFound, 2).padStart(5)} ${fmt(r.rps / bare, 3).padStart(7)}` +
        `${r.timeouts ? `  (${r.timeouts} timeouts)` : ""}`,
    );
  }
  const rps = Object.fromEntries(results.map((r) => [r.target.name, r.rps]));
  console.log(
    `  home ÷ product ${fmt(rps.home / rps["product page"], 2)}, /books ÷ product ` +
      `${fmt(rps["/books"] / rps["product page"], 2)}, category ÷ product ` +
      `${fmt(rps["category page"] / rps["product page"], 2)}`,
  );
}
console.log(
  `\nQueueing floor at ${busy} connections: a bare server busy ${fmt(floorCostMs, 3)} ms per request ` +
    `(the 404 page's time): ${fmt(floor.rps, 0)} req/s, p50 ${fmt(floor.p50, 2)} ms, p99 ${fmt(floor.p99, 2)} ms` +
    ` (the 404 page's own p99 ${fmt(notFoundBusy.p99, 2)} ms)`,
);
rmSync(scratch, { recursive: true, force: true });
stopAll();
// The trace rows (scripts/bench/serve-traces.mjs) restart this store three ways, once it has
// stopped (PGlite is one process): BENCH_TRACES=0 leaves them out.
if (process.env.BENCH_TRACES !== "0") {
  await Promise.all(
    children.filter((c) => c.exitCode === null).map((c) => new Promise((resolve) => c.once("exit", resolve))),
  );
  const { benchTraces } = await import("./serve-traces.mjs");
  await benchTraces({ port, database, connections: [1, busy], measure, warm });
}
// The edge rows (Varnish, two instances, Redis): BENCH_EDGE=0 leaves them out.
if (process.env.BENCH_EDGE !== "0") {
  const { benchEdge } = await import("./serve-edge.mjs");
  await benchEdge();
}
process.exit(0);
