// The database goes away under a serving store (issue 22, "staying up"), on PostgreSQL, the
// production database. Run only by the `outage` Playwright project, whose store has a PostgreSQL
// server of its own (scripts/test/e2e-server.mjs outage): this spec stops it and starts it again.
// Cached pages keep serving; what needs the database answers 503 with Retry-After within 2 s,
// never hangs and never answers 500; /api/ready says 503; the store recovers without a restart.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { FEATURED } from "./support/catalog";

const PG_PORT = process.env.E2E_OUTAGE_PG_PORT!;
const ROOT = path.resolve(import.meta.dirname, "..");
const DATA_DIR = path.join(ROOT, ".data", `e2e-outage-pg-${PG_PORT}`);

function stopPostgres() {
  const bin = execFileSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"])
    .toString()
    .trim();
  const pgCtl = [`${bin}/pg_ctl`, "-D", DATA_DIR, "stop", "-m", "fast", "-w"];
  const [command, ...args] = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...pgCtl] : pgCtl;
  execFileSync(command!, args, { stdio: "ignore" });
}

function startPostgres() {
  execFileSync("bash", [path.join(ROOT, "scripts/test/pg-start.sh")], {
    env: { ...process.env, PGPORT: PG_PORT, PG_DATA_DIR: DATA_DIR },
    stdio: "ignore",
  });
}

/** GET with its duration; an answer taking over 2 s fails the test as a hang would. */
async function timed(request: APIRequestContext, url: string) {
  const started = Date.now();
  const response = await request.get(url, { maxRedirects: 0, timeout: 10_000 });
  return { response, ms: Date.now() - started };
}

const CACHED = ["/", "/books", `/books/${FEATURED.slug}`, `/articles/${FEATURED.article}`];
const NEEDS_DATABASE = ["/search?q=korean+war", "/books/animales-wordbooks", "/cart"];
const API_NEEDS_DATABASE = [
  "/api/v1/books?limit=2",
  `/api/v1/books/${FEATURED.slug}`,
  "/api/v1/search?q=war",
];

test.afterAll(() => startPostgres());

test("with PostgreSQL down, cached pages serve, the rest answers 503 fast, and it all recovers", async ({
  request,
}) => {
  test.setTimeout(120_000);
  // Cached by a first request, as shoppers' visits would have.
  for (const url of CACHED) expect((await request.get(url)).status(), url).toBe(200);
  expect((await request.get("/api/ready")).status()).toBe(200);

  stopPostgres();
  try {
    for (const url of CACHED) {
      const { response, ms } = await timed(request, url);
      expect(response.status(), url).toBe(200);
      expect(ms, url).toBeLessThan(2_000);
    }
    for (const url of NEEDS_DATABASE) {
      const { response, ms } = await timed(request, url);
      expect([200, 503], url).toContain(response.status());
      expect(ms, url).toBeLessThan(2_000);
      if (response.status() === 503)
        expect(Number(response.headers()["retry-after"]), url).toBeGreaterThan(0);
    }
    const search = await timed(request, "/search?q=korean+war");
    expect(search.response.status()).toBe(503);
    // A browser (without JavaScript too) gets a page that says so, not Next's blank error page.
    const page = await request.get("/search?q=korean+war", { headers: { accept: "text/html" } });
    expect(page.status()).toBe(503);
    const text = await page.text();
    expect(text).toContain("This page could not be shown just now");
    // Only that page: none of Next's error output (its scripts) travels with it.
    expect(text).not.toContain("<script");
    for (const url of API_NEEDS_DATABASE) {
      const { response, ms } = await timed(request, url);
      expect(response.status(), url).toBe(503);
      expect(ms, url).toBeLessThan(2_000);
      expect(response.headers()["content-type"], url).toContain("application/problem+json");
      expect(Number(response.headers()["retry-after"]), url).toBeGreaterThan(0);
      expect(await response.json(), url).toMatchObject({ type: "/problems/unavailable", status: 503 });
    }
    const ready = await timed(request, "/api/ready");
    expect(ready.response.status()).toBe(503);
    expect(ready.ms).toBeLessThan(3_000);
    expect((await request.get("/api/health")).status()).toBe(200);
  } finally {
    startPostgres();
  }

  // Back without a restart: readiness, then pages and the API.
  await expect.poll(async () => (await request.get("/api/ready")).status(), { timeout: 30_000 }).toBe(200);
  for (const url of ["/search?q=korean+war", "/books/animales-wordbooks", ...API_NEEDS_DATABASE]) {
    expect((await request.get(url)).status(), url).toBe(200);
  }
});
