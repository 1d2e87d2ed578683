import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { FEATURED, SPANISH_TITLES } from "./support/catalog";

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
    "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
    "Animales Wordbooks",
    "School / la Escuela (Wordbooks / Libros de Palabras)",
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

interface SearchHitDoc {
  book: { slug: string; title: string };
  snippet: string;
  highlights: { start: number; end: number }[];
  titleHighlights: { start: number; end: number }[];
  nameHighlights: { start: number; end: number }[][];
}

test("search answers ranked SearchResults with did-you-mean, snippets and highlights", async ({
  request,
}) => {
  const response = await request.get("/api/v1/search?q=koren%20war");
  expect(response.headers()["cache-control"]).toContain("max-age=60");
  expect(response.headers()["etag"]).toMatch(/^"[\w-]+"$/);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const results = await expectConforms(response, "SearchResults");
  expect(results).toMatchObject({
    q: "koren war",
    suggestion: "korean war",
    totalIsCapped: false,
    page: { page: 1, pageSize: 24, pageCount: 1 },
  });
  const hits = results.data as SearchHitDoc[];
  expect(hits[0]?.book).toMatchObject({ slug: FEATURED.slug, title: FEATURED.title });
  expect(results.total).toBe(hits.length);
  const first = hits[0]!;
  expect(first.snippet).not.toMatch(/[\u0001\u0002]/);
  expect(first.highlights.length).toBeGreaterThan(0);
  for (const { start, end } of first.highlights) {
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(first.snippet.length);
  }
  const words = first.highlights.map(({ start, end }) => first.snippet.slice(start, end).toLowerCase());
  expect(
    words.every((w) => /^(korean|war|wars)$/.test(w)),
    words.join(", "),
  ).toBe(true);
  expect(first.titleHighlights.map(({ start, end }) => first.book.title.slice(start, end))).toEqual([
    "Korean",
    "War",
  ]);
  const again = await request.get("/api/v1/search?q=koren%20war", {
    headers: { "If-None-Match": response.headers()["etag"]! },
  });
  expect(again.status()).toBe(304);

  // An author's name: the names' highlights follow book.contributors.
  const byAuthor = await expectConforms(await request.get("/api/v1/search?q=balakrishna"), "SearchResults");
  const [authorHit] = byAuthor.data as (SearchHitDoc & { book: { contributors: { name: string }[] } })[];
  expect(
    authorHit!.nameHighlights.map((words, i) =>
      words.map(({ start, end }) => authorHit!.book.contributors[i]!.name.slice(start, end)),
    ),
  ).toEqual([["Balakrishna"], []]);

  // Spanish stems, accents folded; filters and page-number paging.
  const spanish = await expectConforms(await request.get("/api/v1/search?q=palabras"), "SearchResults");
  expect((spanish.data as SearchHitDoc[]).map((h) => h.book.title).sort()).toEqual(
    [...SPANISH_TITLES].sort(),
  );
  for (const hit of spanish.data as SearchHitDoc[]) {
    for (const { start, end } of hit.highlights)
      expect(hit.snippet.slice(start, end).toLowerCase()).toMatch(/^palabra/);
  }
  const animales = await expectConforms(await request.get("/api/v1/search?q=animales"), "SearchResults");
  expect((animales.data as SearchHitDoc[])[0]?.book.title).toBe("Animales Wordbooks");
  const pages: string[] = [];
  for (const page of [1, 2, 3]) {
    const body = await expectConforms(
      await request.get(`/api/v1/search?q=palabras&sort=title&page_size=1&page=${page}`),
      "SearchResults",
    );
    expect(body.page).toEqual({ page, pageSize: 1, pageCount: 3 });
    pages.push(...(body.data as SearchHitDoc[]).map((h) => h.book.title));
  }
  expect(pages).toEqual([...SPANISH_TITLES].sort((a, b) => a.localeCompare(b)));
  const past = await expectConforms(await request.get("/api/v1/search?q=palabras&page=9"), "SearchResults");
  expect(past).toMatchObject({ data: [], total: 3 });
  const filtered = await expectConforms(
    await request.get("/api/v1/search?q=palabras&category=food&language=es"),
    "SearchResults",
  );
  expect((filtered.data as SearchHitDoc[]).map((h) => h.book.title)).toEqual([
    "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
  ]);
});

test("search refuses a missing, empty or too-long q and bad parameters", async ({ request }) => {
  const cases: [string, string[]][] = [
    ["/api/v1/search", ["q"]],
    ["/api/v1/search?q=%20%20", ["q"]],
    [`/api/v1/search?q=${"a".repeat(201)}`, ["q"]],
    ["/api/v1/search?q=war&q=peace", ["q"]],
    ["/api/v1/search?q=war&colour=red&limit=5", ["colour", "limit"]],
    ["/api/v1/search?q=war&page=0", ["page"]],
    ["/api/v1/search?q=war&page_size=101", ["page_size"]],
    ["/api/v1/search?q=war&sort=bogus", ["sort"]],
    ["/api/v1/search?colour=red", ["q", "colour"]],
  ];
  for (const [url, names] of cases) {
    const body = await expectProblem(await request.get(url), 400);
    expect(body.type, url).toBe("/problems/validation");
    expect((body.errors as { name: string }[]).map((e) => e.name).sort(), url).toEqual([...names].sort());
  }
  const missing = await expectProblem(await request.get("/api/v1/search"), 400);
  expect(missing.errors).toEqual([{ name: "q", reason: expect.stringContaining("Type a few words") }]);
  const sort = await expectProblem(await request.get("/api/v1/search?q=war&sort=bogus"), 400);
  expect(JSON.stringify(sort.errors)).toContain("relevance");
  const cursor = await expectProblem(await request.get("/api/v1/search?q=war&cursor=abc"), 400);
  expect(cursor.errors).toEqual([{ name: "cursor", reason: expect.stringContaining("page_size") }]);
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
    ["/api/v1/search", 400, "q"],
    ["/api/v1/search?q=", 400, "q"],
    [`/api/v1/search?q=${"x".repeat(201)}`, 400, "q"],
    ["/api/v1/search?q=war&cursor=abc", 400, "cursor"],
    ["/api/v1/search?q=war&page=0", 400, "page"],
    ["/api/v1/search?q=war&page=1001", 400, "page"],
    ["/api/v1/search?q=war&page_size=abc", 400, "page_size"],
    ["/api/v1/search?q=war&sort=bogus", 400, "sort"],
    ["/api/v1/search?q=war&min_price=-1", 400, "min_price"],
    ["/api/v1/search?q=war&feature=telepathy", 400, "feature"],
    [`/api/v1/search?q=${"a".repeat(3000)}`, 414],
    ["/api/v1/search?q=%00%27%22%5C%28%29%3A%2A%26%7C%21", 200],
    ['/api/v1/search?q="unclosed -', 200],
    ["/api/v1/search?q=war&page=1000&page_size=100", 200],
  ];
  for (const [url, status, param] of cases) {
    if (status === 200) {
      // Hostile or odd search text is text: an answer, maybe empty, never an error.
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      await expectConforms(response, "SearchResults");
      continue;
    }
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
    "/search",
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
