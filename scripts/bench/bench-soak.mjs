// npm run bench:soak: 60 s of mixed traffic (home, lists, product pages, search, API reads, cart
// adds) at 50 connections against the production build on PostgreSQL (issue 22, "staying up").
// Passes when nothing answers a 5xx, nothing times out and the server's memory stays flat; prints
// the figures docs/security.md records. Not part of npm test.
//
// The server is the production build on a throwaway database (scripts/test/e2e-server.mjs) with
// BENCH_BOOKS synthetic books (default 1,000) on top of the seed; the API's per-IP limit is raised
// so the load generator, one IP, measures the work rather than 429s (the limit's write still happens).
// The server logs as in production, one line per request.
// BENCH_SECONDS (60), BENCH_CONNECTIONS (50), BENCH_PORT (3460).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3460);
const base = `http://127.0.0.1:${port}`;
const books = Number(process.env.BENCH_BOOKS ?? 1_000);
const duration = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const server = spawn(process.execPath, ["scripts/test/e2e-server.mjs", "postgres", String(port)], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    E2E_BUILD_DIR: process.env.E2E_BUILD_DIR ?? ".next-bench",
    E2E_LARGE_SEED_BOOKS: String(books),
    API_RATE_LIMIT_PER_MINUTE: "1000000",
  },
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 7200; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

/** The server process's resident memory in MB (scripts/test/e2e-server.mjs serves in its own process). */
function rssMb() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

await waitForServer();

// What the traffic visits: real slugs, words and the add-to-cart form of a print edition.
const list = await (await fetch(`${base}/api/v1/books?limit=100&sort=title`)).json();
const slugs = list.data.map((book) => book.slug);
const categories = (await (await fetch(`${base}/api/v1/categories`)).json()).data.map((c) => c.slug);
const words = [...new Set(list.data.flatMap((book) => book.title.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
const printBook = "/books/animales-wordbooks";
const form = await (await fetch(base + printBook)).text();
const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(form)?.[1];
const editionId = /name="editionId" value="(\d+)"/.exec(form)?.[1];
if (!slugs.length || !actionId || !editionId) throw new Error("could not find books or the add-to-cart form");
const boundary = "----soak";
const cartBody = [
  `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_${actionId}"\r\n\r\n\r\n`,
  `--${boundary}\r\nContent-Disposition: form-data; name="editionId"\r\n\r\n${editionId}\r\n`,
  `--${boundary}\r\nContent-Disposition: form-data; name="quantity"\r\n\r\n1\r\n`,
  `--${boundary}--\r\n`,
].join("");

const pick = (items) => items[Math.floor(Math.random() * items.length)];
/** The mix, by share of requests. */
const KINDS = [
  [0.1, "home", () => ({ method: "GET", path: "/" })],
  [
    0.2,
    "lists",
    () => ({
      method: "GET",
      path: pick([
        `/books?page=${1 + Math.floor(Math.random() * 5)}`,
        `/categories/${pick(categories)}`,
        "/books?sort=title",
      ]),
    }),
  ],
  [0.3, "product pages", () => ({ method: "GET", path: `/books/${pick(slugs)}` })],
  [
    0.15,
    "search",
    () => ({ method: "GET", path: `/search?q=${encodeURIComponent(`${pick(words)} ${pick(words)}`)}` }),
  ],
  [
    0.2,
    "API reads",
    () => ({
      method: "GET",
      path: pick([
        `/api/v1/books/${pick(slugs)}`,
        "/api/v1/books?limit=24",
        `/api/v1/search?q=${pick(words)}`,
      ]),
    }),
  ],
  [
    0.05,
    "cart adds",
    () => ({
      method: "POST",
      path: printBook,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base },
      body: cartBody,
    }),
  ],
];
function nextRequest() {
  let roll = Math.random();
  for (const [share, , make] of KINDS) {
    roll -= share;
    if (roll <= 0) return make();
  }
  return KINDS[0][2]();
}

// Warm up before the clock starts: every product and list page rendered once (ISR and the data
// cache fill here, not during the soak), then a few hundred requests of the mix (JIT).
const firstVisits = [
  ...slugs.map((slug) => `/books/${slug}`),
  ...slugs.map((slug) => `/api/v1/books/${slug}`),
  ...categories.map((slug) => `/categories/${slug}`),
  ...[1, 2, 3, 4, 5].map((page) => `/books?page=${page}`),
  "/books?sort=title",
  "/",
];
for (let i = 0; i < firstVisits.length; i += 4)
  await Promise.all(firstVisits.slice(i, i + 4).map((url) => fetch(base + url).then((r) => r.arrayBuffer())));
for (let i = 0; i < 300; i++) {
  const request = nextRequest();
  await fetch(base + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: "manual",
  }).then((r) => r.arrayBuffer());
}

const memory = [];
const sampler = setInterval(() => memory.push([Date.now(), rssMb()]), 1_000);
const started = Date.now();
memory.push([started, rssMb()]);
const result = await autocannon({
  url: base,
  connections,
  duration,
  timeout: 10,
  requests: [{ setupRequest: (request) => ({ ...request, ...nextRequest() }) }],
});
clearInterval(sampler);
memory.push([Date.now(), rssMb()]);

const statuses = { "2xx": result["2xx"], "3xx": result["3xx"], "4xx": result["4xx"], "5xx": result["5xx"] };
const at = (seconds) => memory.find(([time]) => time - started >= seconds * 1000)?.[1] ?? memory.at(-1)[1];
const half = Math.round(duration / 2);
const end = memory.at(-1)[1];
const peak = Math.max(...memory.map(([, mb]) => mb));
const growth = (end - at(half)) / at(half);
console.log(
  `\nbench:soak — ${books} books on PostgreSQL, ${duration} s, ${connections} connections, autocannon on the same machine`,
);
console.log(`mix: ${KINDS.map(([share, name]) => `${name} ${Math.round(share * 100)} %`).join(", ")}`);
console.table({
  requests: result.requests.total,
  "req/s": Math.round(result.requests.average),
  "p50 ms": result.latency.p50,
  "p99 ms": result.latency.p99,
  "max ms": result.latency.max,
  ...statuses,
  timeouts: result.timeouts,
  errors: result.errors,
});
console.log(
  `server RSS every 10 s: ${memory
    .filter((_, i) => i % 10 === 0)
    .map(([, mb]) => mb.toFixed(0))
    .join(", ")} MB; at most ${peak.toFixed(0)} MB; ${at(half).toFixed(0)} MB at ${half} s and ` +
    `${end.toFixed(0)} MB at the end (${(growth * 100).toFixed(1)} %)`,
);
// Memory grows while the caches and the heap fill in the first seconds; "flat" is the second half.
const failed = result["5xx"] > 0 || result.timeouts > 0 || result.errors > 0 || growth > 0.1;
console.log(
  failed
    ? "FAILED: 5xx answers, timeouts, errors or memory growing over 10 % in the second half"
    : "passed: no 5xx, no timeouts, memory flat",
);
stop();
process.exit(failed ? 1 : 0);
