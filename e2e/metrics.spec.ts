import { expect, test, type APIRequestContext } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { FEATURED } from "./support/catalog";

// /metrics of a real store after real traffic (docs/operations.md). The e2e servers allow no
// address without the token (scripts/test/e2e-server.mjs sets METRICS_ALLOW_FROM to a network
// nobody is on, and this token), so these requests from loopback stand for any outside client.
const METRICS_TOKEN = "e2e-metrics-token-not-secret";
const WITH_TOKEN = { authorization: `Bearer ${METRICS_TOKEN}` };

async function scrape(request: APIRequestContext) {
  const response = await request.get("/metrics", { headers: WITH_TOKEN });
  expect(response.status()).toBe(200);
  return response.text();
}

/** Each sample line's metric name, labels and value. */
function samples(text: string) {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      expect(match, line).not.toBeNull();
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match![2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
        labels[key!] = value!;
      return { name: match![1]!, labels, value: Number(match![3]) };
    });
}

test("/metrics is refused without the token from outside the store's network", async ({ request }) => {
  const attempts: Record<string, string>[] = [
    {},
    { authorization: `Bearer ${METRICS_TOKEN}x` },
    { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}` },
    { "x-forwarded-for": "127.0.0.1" },
  ];
  for (const headers of attempts) {
    const response = await request.get("/metrics", { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(401);
    expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.text()).not.toContain("bookstore_");
  }
  const allowed = await request.get("/metrics", { headers: WITH_TOKEN });
  expect(allowed.status()).toBe(200);
  expect(allowed.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  expect((await request.post("/metrics", { headers: WITH_TOKEN })).status()).toBe(405);
});

test("after traffic, /metrics passes promtool and no label carries a URL", async ({ request }) => {
  const product = `/books/${FEATURED.slug}`;
  for (const path of ["/", "/books", product, product, "/search?q=korean", "/api/v1/books?limit=2"]) {
    expect((await request.get(path)).status(), path).toBeLessThan(400);
  }
  const seriesCount = (text: string) =>
    samples(text).filter((s) => s.name === "bookstore_http_request_duration_seconds_count").length;
  const seriesBefore = seriesCount(await scrape(request));
  // 100 product URLs no two alike: one series more at most (product, GET, 4xx), however many
  // shoppers' typos and bots' guesses.
  const marker = `no-such-book-${randomBytes(4).toString("hex")}`;
  for (let i = 0; i < 100; i++) await request.get(`/books/${marker}-${i}?ref=${i}`);

  const text = await scrape(request);
  expect(seriesCount(text) - seriesBefore).toBeLessThanOrEqual(1);
  const promtool = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  expect(promtool.error, "promtool is missing: bash scripts/test/system-deps.sh installs it").toBeUndefined();
  expect(promtool.stdout + promtool.stderr).toBe("");
  expect(promtool.status).toBe(0);

  const all = samples(text);
  for (const { name, labels } of all) {
    for (const value of Object.values(labels)) {
      expect(value, `${name} ${JSON.stringify(labels)}`).not.toMatch(/\/|no-such-book|korean|\?/);
    }
  }
  const requests = all.filter((s) => s.name === "bookstore_http_request_duration_seconds_count");
  const count = (labels: Record<string, string>) =>
    requests
      .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  expect(count({ route: "product", status: "4xx" })).toBeGreaterThanOrEqual(100);
  expect(count({ route: "product", status: "2xx" })).toBeGreaterThanOrEqual(2);
  expect(count({ route: "search", status: "2xx" })).toBeGreaterThanOrEqual(1);
  expect(count({ route: "api", status: "2xx" })).toBeGreaterThanOrEqual(1);
  // The page's second request was answered from Next's cache.
  expect(count({ route: "product", cache: "hit" })).toBeGreaterThanOrEqual(1);
  expect(requests.some((s) => s.labels.route === "metrics")).toBe(false);

  // Recorded inside Next's bundle, served by server.mjs: one registry for both.
  const value = (name: string, labels: Record<string, string> = {}) =>
    all
      .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  expect(value("bookstore_search_duration_seconds_count", { kind: "results" })).toBeGreaterThanOrEqual(1);
  expect(value("bookstore_db_query_duration_seconds_count")).toBeGreaterThan(0);
  expect(value("bookstore_database_reachable")).toBe(1);
  // PostgreSQL's pool (PGlite is one connection, no pool).
  const pooled = all.filter((s) => s.name === "bookstore_db_pool_connections");
  if (test.info().project.name === "postgres") {
    expect(value("bookstore_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(pooled.map((s) => s.labels.state).sort()).toEqual(["idle", "total", "waiting"]);
  } else expect(pooled).toEqual([]);
  expect(all.some((s) => s.name === "bookstore_mail_outbox_messages" && s.labels.state === "queued")).toBe(
    true,
  );
  expect(all.some((s) => s.name === "nodejs_eventloop_lag_p99_seconds")).toBe(true);
  expect(all.some((s) => s.name === "nodejs_heap_size_used_bytes")).toBe(true);
});
