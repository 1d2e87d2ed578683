import { expect, test } from "@playwright/test";
import { FEATURED } from "./support/catalog";

// What a shared cache in front of the store (Varnish, a CDN) may keep, and what a hit on the
// store's own cache costs. HTTP only: no browser needed.

const ANONYMOUS_PAGES = [
  "/",
  "/books",
  "/books?language=es&sort=title",
  `/books/${FEATURED.slug}`,
  `/books/${FEATURED.slug}/reviews`,
  `/articles/${FEATURED.article}`,
  "/categories",
  "/categories/history",
  "/categories/childrens?format=ebook&page=1",
  "/pages/shipping-and-returns",
  "/series/cold-war-history",
  "/contributors/shen-zihua",
  "/search?q=korean",
  "/developers/api",
];

const CACHED_PAGES = ANONYMOUS_PAGES.filter((path) => !/^\/(search|developers)/.test(path));

const SHARED = /^public, s-maxage=\d+, stale-while-revalidate=\d+$/;

test("every anonymous page may be kept by a shared cache and sets no cookie", async ({ request }) => {
  for (const path of ANONYMOUS_PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toMatch(SHARED);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  }
});

test("personal pages never may", async ({ request }) => {
  for (const path of [
    "/cart",
    "/admin/sign-in",
    "/admin/books",
    `/orders/${"A".repeat(43)}`,
    `/checkout/stub/cs_stub_nothing?token=${"A".repeat(43)}`,
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const cacheControl = response.headers()["cache-control"] ?? "";
    expect(cacheControl, path).not.toContain("public");
    expect(cacheControl, path).toContain("no-store");
  }
});

test("a page served from the store's cache sends no SQL statement", async ({ request }) => {
  // A list no other test asks for: its first request renders it and queries the database.
  const fresh = await request.get(`/books?page_size=${7 + (Date.now() % 80)}&sort=title`);
  expect(fresh.headers()["x-nextjs-cache"]).toBe("MISS");
  expect(fresh.headers()["server-timing"]).toMatch(/^db;desc="[1-9]\d* statements"$/);
  for (const path of CACHED_PAGES) {
    await request.get(path);
    const hit = await request.get(path);
    expect(hit.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(hit.headers()["server-timing"], path).toBe('db;desc="0 statements"');
  }
});

test("unknown pages are the full 404 page, from the cache too", async ({ request }) => {
  for (const path of [
    "/books/no-such-book",
    "/categories/no-such-shelf",
    "/series/nothing",
    "/books/%E0%A4%A",
  ]) {
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain("We couldn&#x27;t find that page</h1>");
    }
  }
});

test("a page's scripts and styles are sent compressed and kept for a year", async ({ request }) => {
  const html = await (await request.get(`/books/${FEATURED.slug}`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(3);
  for (const asset of assets) {
    const response = await request.get(asset, { headers: { "accept-encoding": "gzip" } });
    expect(response.status(), asset).toBe(200);
    expect(response.headers()["cache-control"], asset).toBe("public, max-age=31536000, immutable");
    expect(response.headers()["content-encoding"], asset).toBe("gzip");
    // server.mjs's own answer (lib/serve/static-files.mjs), not Next's W/"size-mtime" one.
    const etag = response.headers()["etag"]!;
    expect(etag, asset).toMatch(/^"[\w-]{27}"$/);
    const again = await request.get(asset, { headers: { "if-none-match": etag } });
    expect(again.status(), asset).toBe(304);
  }
  const css = await request.get(assets.find((a) => a.endsWith(".css"))!);
  expect(css.headers()["content-type"]).toBe("text/css; charset=UTF-8");
  expect(await css.text()).toContain("{");
  expect((await request.get("/_next/static/chunks/no-such-file.js")).status()).toBe(404);
});
