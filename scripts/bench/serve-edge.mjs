// bench:serve's edge rows (docs/performance.md, "Through the edge"): `npm run stack`'s topology
// (scripts/ops/stack.mjs) on BENCH_EDGE_PORT (default 3480: Varnish, +1/+2 the instances, +3 Redis,
// +4 PostgreSQL, +6 a bare server), measured with wrk -t1 in one run:
// - the product page cached at the edge against a bare Node server sending the same bytes (both
//   gzipped, as a browser asks), at BENCH_CONNECTIONS (50) connections, and the edge's hit ratio;
// - from a write (a shopper's rating posted through the edge) to the new page at the edge;
// - pages rendered per request (search results, a new query each time) through the edge with two
//   instances, then with one (instance b stopped).
// Run by scripts/bench-serve.mjs after its own rows, or alone: node scripts/bench/serve-edge.mjs
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startStack } from "../ops/stack.mjs";

const RATED = "/books/what-did-he-say";
const PRODUCT = "/books/mao-stalin-and-the-korean-war";

/** @param {string} url @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }>} */
function getRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      // A fresh connection each time: Varnish closes idle ones after 5 s (timeout_idle).
      .get(url, { headers, agent: false }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on("error", reject);
  });
}

function toMs(text) {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec((text ?? "").trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return { us: n / 1000, ms: n, s: n * 1000, m: n * 60_000 }[m[2]];
}

function wrk(url, { connections, seconds, script, headers = [] }) {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "--timeout", "2s"];
  for (const header of headers) args.push("-H", header);
  if (script) args.push("-s", script);
  const out = spawnSync("wrk", [...args, url], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const text = out.stdout;
  const pick = (re) => re.exec(text)?.[1];
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: toMs(pick(/\s50%\s+(\S+)/)),
    p99: toMs(pick(/\s99%\s+(\S+)/)),
    errors:
      (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) +
      Number(pick(/Non-2xx or 3xx responses: (\d+)/) ?? 0),
  };
}

function varnishCounters(workDir) {
  const out = spawnSync(
    "varnishstat",
    ["-n", workDir, "-1", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"],
    {
      encoding: "utf8",
    },
  );
  const value = (name) => Number(new RegExp(`${name}\\s+(\\d+)`).exec(out.stdout ?? "")?.[1] ?? NaN);
  return { hit: value("MAIN.cache_hit"), miss: value("MAIN.cache_miss") };
}

const ratingCount = (html) =>
  Number(/\((\d+) ratings?\)/.exec(html.toString().replaceAll("<!-- -->", ""))?.[1] ?? 0);

export async function benchEdge({
  port = Number(process.env.BENCH_EDGE_PORT ?? 3480),
  seconds = Number(process.env.BENCH_SECONDS ?? 10),
  warmSeconds = Number(process.env.BENCH_WARM_SECONDS ?? 2),
  busy = Number(process.env.BENCH_CONNECTIONS ?? 50),
} = {}) {
  if (spawnSync("wrk", ["--version"], { stdio: "ignore" }).error) {
    console.log("\nbench:serve edge rows: skipped (they need wrk: apt-get install wrk)");
    return;
  }
  const stack = await startStack({
    port,
    distDir: process.env.E2E_BUILD_DIR ?? ".next-bench",
    quiet: true,
    env: { API_RATE_LIMIT_PER_MINUTE: "1000000", LOG_LEVEL: "warn" },
  });
  const bare = { child: /** @type {import("node:child_process").ChildProcess | null} */ (null) };
  try {
    const edge = stack.url;
    const gzip = { "accept-encoding": "gzip" };
    for (let i = 0; i < 30; i++) await getRaw(edge + PRODUCT, gzip);
    const cached = await getRaw(edge + PRODUCT, gzip);
    if (cached.status !== 200 || cached.headers["x-cache"] !== "HIT") {
      throw new Error(`the product page at the edge answered ${cached.status} ${cached.headers["x-cache"]}`);
    }
    const scratch = mkdtempSync(path.join(tmpdir(), "bench-edge-"));
    const bodyFile = path.join(scratch, "product.html.gz");
    writeFileSync(bodyFile, cached.body);
    const barePort = port + 6;
    bare.child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createServer } from "node:http";
         import { readFileSync } from "node:fs";
         const body = readFileSync(${JSON.stringify(bodyFile)});
         createServer((req, res) => {
           res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": body.length });
           res.end(body);
         }).listen(${barePort}, "127.0.0.1");`,
      ],
      { stdio: "ignore" },
    );
    for (let i = 0; i < 50; i++) {
      if (
        await getRaw(`http://127.0.0.1:${barePort}/`).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const headers = ["Accept-Encoding: gzip"];
    const load = (url, options = {}) => {
      if (warmSeconds > 0) wrk(url, { connections: busy, seconds: warmSeconds, headers, ...options });
      return wrk(url, { connections: busy, seconds, headers, ...options });
    };
    const bareRow = load(`http://127.0.0.1:${barePort}/`);
    const before = varnishCounters(stack.varnishWork);
    const edgeRow = load(edge + PRODUCT);
    const after = varnishCounters(stack.varnishWork);
    const hits = after.hit - before.hit;
    const hitRatio = hits / (hits + (after.miss - before.miss));

    // From a write to the new page at the edge: a rating posted through the edge (a new shopper
    // each time), then the book's page asked for until it shows the new count.
    const writeMs = [];
    for (let i = 0; i < 5; i++) {
      await getRaw(edge + RATED);
      const cachedPage = await getRaw(edge + RATED);
      const count = ratingCount(cachedPage.body);
      const started = performance.now();
      const posted = await fetch(`${edge}/api/v1${RATED}/ratings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ stars: 4, title: `Bench ${i}` }),
      });
      if (posted.status !== 201) throw new Error(`rating answered ${posted.status}: ${await posted.text()}`);
      for (;;) {
        if (ratingCount((await getRaw(edge + RATED)).body) > count) break;
        if (performance.now() - started > 10_000) throw new Error("the new rating never showed at the edge");
      }
      writeMs.push(performance.now() - started);
    }

    // Pages rendered per request: a search with a new query each time (Varnish keeps each for 1 s
    // at most: it carries no tags), through the edge, with two instances and then one.
    // Each wrk run asks for queries of its own (stamped with its start time).
    const lua = (tag) => {
      const file = path.join(scratch, `search-${tag}.lua`);
      writeFileSync(
        file,
        `counter = 0
stamp = os.time()
request = function()
  counter = counter + 1
  return wrk.format(nil, "/search?q=history+${tag}-" .. stamp .. "-" .. counter)
end
`,
      );
      return file;
    };
    const twoRow = load(edge, { script: lua("two") });
    await stack.instances.b.stop();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const oneRow = load(edge, { script: lua("one") });
    await stack.instances.b.start();

    const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
    const row = (name, r, ratio = "") =>
      console.log(
        `  ${name.padEnd(42)} ${fmt(r.rps, 0).padStart(8)} ${fmt(r.p50, 2).padStart(8)} ${fmt(r.p99, 2).padStart(8)} ` +
          `${String(r.errors).padStart(7)}  ${ratio}`,
      );
    console.log(
      `\nbench:serve edge rows: Varnish with two instances, Redis and PostgreSQL on this machine, wrk -t1 ` +
        `-c${busy}, ${seconds} s per line after ${warmSeconds} s of warm-up, Accept-Encoding: gzip ` +
        `(product page ${cached.body.length} B gzipped)\n`,
    );
    console.log("  line                                          req/s   p50 ms   p99 ms  errors  ratio");
    row("bare Node server (the edge's product bytes)", bareRow);
    row("product page cached at the edge", edgeRow, `${fmt(edgeRow.rps / bareRow.rps, 2)}× bare`);
    row("search, rendered per request, two instances", twoRow, `${fmt(twoRow.rps / oneRow.rps, 2)}× one`);
    row("search, rendered per request, one instance", oneRow);
    console.log(
      `\n  edge hit ratio during the product page line: ${fmt(hitRatio * 100, 2)} % (${hits} hits)`,
    );
    const sorted = [...writeMs].sort((a, b) => a - b);
    console.log(
      `  write to the new page at the edge (rating posted, page shows it), 5 times: ` +
        `median ${fmt(sorted[2], 0)} ms, max ${fmt(sorted[4], 0)} ms`,
    );
  } finally {
    bare.child?.kill("SIGTERM");
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await benchEdge();
  process.exit(0);
}
