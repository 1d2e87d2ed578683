import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { FEATURED } from "./support/catalog";

type Json = Record<string, unknown>;

// Contract tests: real responses from the production server, validated against the OpenAPI
// document the same server publishes.
let ajv: Ajv2020;

async function loadContract(request: APIRequestContext) {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as Json;
  expect(doc.openapi).toBe("3.1.0");
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi");
}

async function expectConforms(response: APIResponse, schema: string) {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  const body = (await response.json()) as unknown;
  const valid = validate(body);
  expect(validate.errors ?? [], `${response.url()} as ${schema}`).toEqual([]);
  expect(valid).toBe(true);
  return body as Json;
}

async function expectProblem(response: APIResponse, status: number) {
  expect(response.status(), response.url()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  return expectConforms(response, "Problem");
}

test.beforeAll(async ({ request }) => loadContract(request));

test("every read endpoint answers documents that match the OpenAPI contract", async ({ request }) => {
  const list = await expectConforms(await request.get("/api/v1/books?language=es&sort=title"), "BookList");
  expect((list.data as { title: string }[]).map((b) => b.title)).toEqual([
    "A Delicious Journey through Foodla Comida Wordbookslibros De Palabras",
    "Animales Wordbooks",
    "Schoolla Escuela Wordbookslibros De Palabras",
  ]);
  const book = await expectConforms(await request.get(`/api/v1/books/${FEATURED.slug}`), "BookDetail");
  expect(book).toMatchObject({
    title: FEATURED.title,
    listingRating: "5 out of 5",
    rating: { count: 0, average: 0 },
    series: { slug: "cold-war-history", name: "Cold War History" },
  });
  expect((book.contributors as { onixRole: string }[]).map((c) => c.onixRole)).toEqual(["A01", "A38"]);
  expect((book.editions as Json[])[0]).toMatchObject({
    formatName: "Kindle Edition",
    price: { amount: "39.99", amountMinor: 3999, currency: "USD" },
    fileSizeKb: 1706,
    readingFeatures: { textToSpeech: true, screenReader: true, enhancedTypesetting: true, wordWise: true },
  });
  await expectConforms(await request.get(`/api/v1/books/${FEATURED.slug}/ratings`), "RatingList");
  const categories = await expectConforms(await request.get("/api/v1/categories"), "CategoryList");
  expect(
    (categories.data as { slug: string; parentSlug: string | null }[]).find((c) => c.slug === "wordbooks")
      ?.parentSlug,
  ).toBe("childrens");
  const shen = await expectConforms(await request.get("/api/v1/contributors/shen-zihua"), "Contributor");
  expect(shen).toMatchObject({
    books: [{ book: { slug: FEATURED.slug }, roles: [{ role: "original_author", onixCode: "A38" }] }],
  });
  await expectConforms(await request.get("/api/v1/series/cold-war-history"), "Series");
});

test("cursor pagination walks every book exactly once", async ({ request }) => {
  const seen: string[] = [];
  let url: string | null = "/api/v1/books?sort=price-asc&limit=4";
  let total = 0;
  while (url) {
    const page = await expectConforms(await request.get(url), "BookList");
    total = page.total as number;
    seen.push(...(page.data as { slug: string }[]).map((b) => b.slug));
    const next = (page.page as { nextCursor: string | null }).nextCursor;
    url = next ? `/api/v1/books?sort=price-asc&limit=4&cursor=${next}` : null;
  }
  expect(total).toBe(9);
  expect(seen).toHaveLength(9);
  expect(new Set(seen).size).toBe(9);
});

test("bad input gets a 4xx problem document, never a 5xx", async ({ request }) => {
  const cases: [string, number, string?][] = [
    ["/api/v1/books?colour=red", 400, "colour"],
    ["/api/v1/books?min_rating=abc", 400, "min_rating"],
    ["/api/v1/books?sort=random", 400, "sort"],
    ["/api/v1/books?format=scroll&language=klingon-ish", 400, "format"],
    ["/api/v1/books?limit=1000", 400, "limit"],
    ["/api/v1/books?limit=0", 400, "limit"],
    ["/api/v1/books?limit=1&limit=2", 400, "limit"],
    ["/api/v1/books?page=2", 400, "page"],
    ["/api/v1/books?cursor=not-a-cursor!!", 400, "cursor"],
    ["/api/v1/books?cursor=eyJzb3J0IjoidGl0bGUiLCJrZXlzIjpbIngiLCIxIl19", 400, "cursor"],
    ["/api/v1/books?min_price=20&max_price=10", 400, "max_price"],
    [`/api/v1/books?category=${"a".repeat(3000)}`, 414],
    ["/api/v1/books/no-such-book", 404],
    ["/api/v1/books/%00%27%22", 404],
    ["/api/v1/books/e2e-draft-proof", 404],
    ["/api/v1/books/no-such-book/ratings", 404],
    [`/api/v1/books/${FEATURED.slug}/ratings?cursor=zzz`, 400, "cursor"],
    [`/api/v1/books/${FEATURED.slug}?expand=everything`, 400, "expand"],
    ["/api/v1/contributors/nobody", 404],
    ["/api/v1/series/nothing", 404],
  ];
  for (const [url, status, param] of cases) {
    const body = await expectProblem(await request.get(url), status);
    if (param)
      expect(
        (body.errors as { name: string }[]).map((e) => e.name),
        url,
      ).toContain(param);
  }
});

test("ETags make revalidation cheap: If-None-Match answers 304", async ({ request }) => {
  const first = await request.get(`/api/v1/books/${FEATURED.slug}`);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect(first.headers()["cache-control"]).toContain("max-age=");
  const again = await request.get(`/api/v1/books/${FEATURED.slug}`, { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe("");
  const other = await request.get(`/api/v1/books/${FEATURED.slug}`, {
    headers: { "If-None-Match": '"stale"' },
  });
  expect(other.status()).toBe(200);
  const list = await request.get("/api/v1/categories");
  expect(
    (
      await request.get("/api/v1/categories", { headers: { "If-None-Match": list.headers()["etag"]! } })
    ).status(),
  ).toBe(304);
});

test("reads are open to other origins and report the rate limit", async ({ request }) => {
  const response = await request.get("/api/v1/books?limit=1", {
    headers: { Origin: "https://partner.example" },
  });
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(Number(response.headers()["ratelimit-limit"])).toBeGreaterThan(0);
  expect(Number(response.headers()["ratelimit-remaining"])).toBeGreaterThanOrEqual(0);
  const preflight = await request.fetch("/api/v1/books", {
    method: "OPTIONS",
    headers: { Origin: "https://partner.example", "Access-Control-Request-Method": "GET" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
});

test("health and readiness", async ({ request }) => {
  expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ok" });
});

test("the API reference page documents every endpoint without scripts from elsewhere", async ({ page }) => {
  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { level: 1, name: "Quire Books catalog API" })).toBeVisible();
  for (const path of [
    "/books",
    "/books/{slug}",
    "/books/{slug}/ratings",
    "/categories",
    "/contributors/{slug}",
    "/series/{slug}",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: `GET ${path}`, exact: true })).toBeVisible();
  }
  const external = await page
    .locator("script[src]")
    .evaluateAll((els) =>
      els.map((e) => (e as HTMLScriptElement).src).filter((src) => !src.startsWith(location.origin)),
    );
  expect(external).toEqual([]);
});
