// npm run bench:lighthouse: Lighthouse (mobile, the default form factor) on the store's main page
// types, against the production build on a throwaway database (scripts/test/e2e-server.mjs), with
// Debian's chromium. Prints the four category scores per page and the metrics behind the
// performance score (BENCH_LIGHTHOUSE_OUT=<dir> keeps each page's full report). Not part of npm test.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://127.0.0.1:${port}`;
const PAGES = [
  ["home", "/"],
  ["books", "/books"],
  ["product", "/books/mao-stalin-and-the-korean-war"],
  ["article", "/articles/mao-stalin-and-the-korean-war-cold-war-power-struggle"],
];

const server = spawn(
  process.execPath,
  ["scripts/test/e2e-server.mjs", process.env.BENCH_DATABASE ?? "pglite", String(port)],
  {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, E2E_BUILD_DIR: ".next-bench" },
  },
);
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

await waitForServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
// Lighthouse sometimes loses the trace's navigation start (NO_NAVSTART, "please run Lighthouse
// again"); such a run has no scores, so it is run again, at most twice more.
async function measure(url) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" });
    const error = result?.lhr.runtimeError;
    if (!error || attempt === 3) return result;
    console.error(`${url}: ${error.code}, measuring again`);
  }
}

const rows = [];
try {
  for (const [name, pathname] of PAGES) {
    // Warm the page once: the first request renders it, shoppers get the cached one. Its scripts,
    // styles, fonts and cover images too: the first page measured was otherwise the one whose files
    // the server read from disk for the first time (home, measured first, had an FCP of 2.0 s
    // instead of 1.0 s), and a cover's first request loads its route (~140 ms) and reads the book
    // into the cache, which Lighthouse's simulation counts as server time on the largest paint.
    const html = await (await fetch(base + pathname)).text();
    for (const [, asset] of html.matchAll(/(?:src|href)="(\/(?:_next\/static|covers)\/[^"]+)"/g)) {
      await (await fetch(base + asset.replaceAll("&amp;", "&"))).arrayBuffer();
    }
    const result = await measure(base + pathname);
    const c = result?.lhr.categories ?? {};
    const score = (key) => (c[key]?.score == null ? "n/a" : Math.round(c[key].score * 100));
    const metric = (id) => Math.round(result?.lhr.audits[id]?.numericValue ?? NaN);
    rows.push({
      page: name,
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
      "FCP ms": metric("first-contentful-paint"),
      "LCP ms": metric("largest-contentful-paint"),
      "TBT ms": metric("total-blocking-time"),
      CLS: Number((result?.lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
    });
    if (process.env.BENCH_LIGHTHOUSE_OUT) {
      mkdirSync(process.env.BENCH_LIGHTHOUSE_OUT, { recursive: true });
      writeFileSync(path.join(process.env.BENCH_LIGHTHOUSE_OUT, `${name}.json`), JSON.stringify(result?.lhr));
    }
    const failing = Object.values(result?.lhr.audits ?? {}).filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        a.scoreDisplayMode !== "informative" &&
        a.scoreDisplayMode !== "manual",
    );
    if (failing.length) console.error(`${name}: audits below 0.9: ${failing.map((a) => a.id).join(", ")}`);
  }
} finally {
  await chrome.kill();
  stop();
}
console.table(rows);
process.exit(0);
