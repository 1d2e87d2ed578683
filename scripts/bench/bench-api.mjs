// npm run bench:api: requests/s and latency percentiles of the catalog API (list, detail, a 304
// revalidation) against a static file from the same server, warm, at BENCH_BOOKS books (default
// 10,000) on PostgreSQL (BENCH_DATABASE=pglite for the embedded store). Not part of npm test.
// Two passes: BENCH_CONNECTIONS concurrent clients (throughput, latency includes queueing on the
// 2 cores), then one client (the latency of a request on its own). `/api/health` is a route handler
// that does nothing: the framework's floor, to tell Next's cost from the API's own.
//
// The server is the production build on a throwaway database (scripts/test/e2e-server.mjs), filled by
// scripts/ops/seed-large.ts; the API rate limit is raised so the benchmark measures the work, not 429s
// (the per-request rate-limit write still happens).
import { spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3450);
const base = `http://127.0.0.1:${port}`;
const books = Number(process.env.BENCH_BOOKS ?? 10_000);
const database = process.env.BENCH_DATABASE ?? "postgres";
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const server = spawn(process.execPath, ["scripts/test/e2e-server.mjs", database, String(port)], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    E2E_BUILD_DIR: ".next-bench",
    E2E_LARGE_SEED_BOOKS: String(books),
    API_RATE_LIMIT_PER_MINUTE: "1000000",
    LOG_LEVEL: "warn",
  },
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 3600; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

function run(title, url, headers = {}, concurrency = connections) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      { url: base + url, connections: concurrency, duration, headers },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          title,
          "req/s": Math.round(result.requests.average),
          "p50 ms": Number(percentile(latencies, 50).toFixed(2)),
          "p95 ms": Number(percentile(latencies, 95).toFixed(2)),
          "p99 ms": Number(percentile(latencies, 99).toFixed(2)),
          errors: result.errors + result.timeouts,
          "non-2xx/304": result.non2xx,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

await waitForServer();
const list = await (await fetch(`${base}/api/v1/books?limit=24`)).json();
const slug = list.data[Math.floor(list.data.length / 2)].slug;
const detailUrl = `/api/v1/books/${slug}`;
const etag = (await fetch(base + detailUrl)).headers.get("etag");
const html = await (await fetch(base + "/")).text();
const staticUrl = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
if (!staticUrl || !etag) throw new Error("could not find a static file or an ETag to measure");

// Warm every path once (data cache, JIT) before measuring.
for (const url of [detailUrl, "/api/v1/books?limit=24", staticUrl, "/api/health"])
  for (let i = 0; i < 50; i++) await fetch(base + url);

const targets = [
  ["static file", staticUrl],
  ["route floor (/api/health)", "/api/health"],
  ["list (24 books)", "/api/v1/books?limit=24"],
  ["detail", detailUrl],
  ["detail 304 (If-None-Match)", detailUrl, { "if-none-match": etag }],
];
const passes = [];
for (const concurrency of [connections, 1]) {
  const rows = [];
  for (const [title, url, headers] of targets) rows.push(await run(title, url, headers, concurrency));
  passes.push([concurrency, rows]);
}
console.log(
  `\nbench:api — ${books} books on ${database}, ${duration} s each, autocannon on the same machine\n`,
);
for (const [concurrency, rows] of passes) {
  console.log(`${concurrency} connection${concurrency === 1 ? "" : "s"}:`);
  console.table(rows);
}
const [, busy] = passes[0];
const staticRps = busy[0]["req/s"];
const floorRps = busy[1]["req/s"];
for (const row of busy.slice(1)) {
  console.log(
    `${row.title}: ${(row["req/s"] / staticRps).toFixed(2)}× the static file's throughput, ` +
      `${(row["req/s"] / floorRps).toFixed(2)}× the route floor's`,
  );
}
stop();
process.exit(0);
