import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ADMIN, edition, openEditor, save, signInThroughForm } from "./support/admin";
import { FEATURED } from "./support/catalog";

// The production topology (scripts/test/e2e-stack.mjs: Varnish on baseURL, instances a and b
// behind it sharing Redis and PostgreSQL). Only this project runs this file; the instances are
// stopped and started through the stack's control server.
const PORT = Number(process.env.E2E_STACK_PORT);
const EDGE = `http://127.0.0.1:${PORT}`;
const INSTANCE = { a: `http://127.0.0.1:${PORT + 1}`, b: `http://127.0.0.1:${PORT + 2}` };
const CONTROL = `http://127.0.0.1:${Number(process.env.E2E_STACK_CONTROL_PORT)}`;
const LOGS = path.resolve(import.meta.dirname, "..", ".data", `stack-${PORT}`, "logs");
const RATED = { slug: "what-did-he-say" };

test.describe.configure({ timeout: 90_000 });

async function control(request: APIRequestContext, instance: "a" | "b", action: "stop" | "start") {
  const response = await request.post(`${CONTROL}/instances/${instance}/${action}`, { timeout: 120_000 });
  expect(response.status(), `${action} ${instance}`).toBe(204);
}

async function text(request: APIRequestContext, url: string, headers: Record<string, string> = {}) {
  const response = await request.get(url, { headers, maxRedirects: 0 });
  return { status: response.status(), body: await response.text(), cache: response.headers()["x-cache"] };
}

async function setFeaturedPrice(page: Page, price: string) {
  await openEditor(page, FEATURED.slug, FEATURED.title);
  await edition(page).getByLabel("Price").fill(price);
  await save(page);
}

async function adminOnInstanceA(browser: Browser) {
  const context = await browser.newContext({ baseURL: INSTANCE.a });
  const page = await context.newPage();
  await signInThroughForm(page, ADMIN);
  return { context, page };
}

test("a price changed through instance A shows through the edge and instance B on the next request", async ({
  browser,
  request,
}) => {
  const product = `/books/${FEATURED.slug}`;
  const edgePages = [product, "/", "/books"];
  // Cached with the old price at the edge (a hit the second time) and in the instances' cache.
  for (const url of edgePages) {
    await text(request, EDGE + url);
    const again = await text(request, EDGE + url);
    expect(again.cache, url).toBe("HIT");
    expect(again.body, url).toContain("$39.99");
  }
  expect((await text(request, INSTANCE.b + product)).body).toContain("$39.99");

  const admin = await adminOnInstanceA(browser);
  try {
    await setFeaturedPrice(admin.page, "34.50");
    const saved = Date.now();
    // The first request for each after the save shows the new price (each is rendered anew once).
    const first = await text(request, EDGE + product);
    expect(first.body).toContain("$34.50");
    expect(Date.now() - saved, "the product page at the edge within 1 s of the save").toBeLessThan(1_000);
    for (const url of ["/", "/books"]) {
      const after = await text(request, EDGE + url);
      expect(after.body, url).toContain("$34.50");
      expect(after.body, url).not.toContain("$39.99");
    }
    expect((await text(request, INSTANCE.b + product)).body).toContain("$34.50");
    const api = await request.get(`${EDGE}/api/v1/books/${FEATURED.slug}`);
    expect(JSON.stringify(await api.json())).toContain('"amount":"34.50"');
  } finally {
    await setFeaturedPrice(admin.page, "39.99");
    await admin.context.close();
  }
  expect((await text(request, EDGE + product)).body).toContain("$39.99");
});

test("a rating posted through the edge shows in the count at the next request", async ({
  browser,
  request,
}) => {
  const url = `${EDGE}/books/${RATED.slug}`;
  const count = async () => {
    const body = (await text(request, url)).body;
    // React separates the text parts with empty comments.
    return Number(/\((\d+) ratings?\)/.exec(body.replaceAll("<!-- -->", ""))?.[1] ?? 0);
  };
  await text(request, url);
  const before = await count();
  const context = await browser.newContext({ baseURL: EDGE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/books/${RATED.slug}`);
  await page.getByRole("radio", { name: "5 star" }).check();
  await page.getByRole("textbox", { name: /^Title/ }).fill("Read it twice");
  await page.getByRole("textbox", { name: /^Review/ }).fill("Rated through the edge cache.");
  await page.getByRole("textbox", { name: /^Name shown with your review/ }).fill("Edge Reader");
  await page.getByRole("button", { name: "Submit rating" }).click();
  await expect(page.getByRole("region", { name: "Shopper ratings" }).getByRole("status")).toHaveText(
    "Thanks — your rating is published.",
  );
  await context.close();
  expect(await count()).toBe(before + 1);
});

test("with instance A stopped under traffic, cached pages never fail, others go to B, and A rejoins", async ({
  request,
}) => {
  const cached = [`/books/${FEATURED.slug}`, "/", "/books", `/books/${RATED.slug}`];
  for (const url of cached) await text(request, EDGE + url);
  const failures: string[] = [];
  let served = 0;
  let running = true;
  const traffic = (async () => {
    for (let i = 0; running; i++) {
      const url = i % 5 === 4 ? `/search?q=traffic-${i}` : cached[i % cached.length];
      const answer = await text(request, EDGE + url);
      served += 1;
      if (answer.status !== 200) failures.push(`${url}: ${answer.status}`);
    }
  })();
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await control(request, "a", "stop");
    await new Promise((resolve) => setTimeout(resolve, 2_500));
  } finally {
    running = false;
    await traffic;
  }
  expect(failures).toEqual([]);
  expect(served).toBeGreaterThan(20);

  // Back in the rotation once its probe passes: uncached requests reach it again.
  await control(request, "a", "start");
  await expect(async () => {
    const id = `rejoin-${Date.now()}`;
    for (let i = 0; i < 4; i++)
      await text(request, `${EDGE}/search?q=${id}-${i}`, { "x-request-id": `${id}-${i}` });
    expect(readFileSync(path.join(LOGS, "instance-a.log"), "utf8")).toContain(id);
  }).toPass({ timeout: 20_000 });
});

test("with both instances stopped, cached pages serve from grace and others get the helpful 503 page", async ({
  request,
}) => {
  const product = `/books/${FEATURED.slug}`;
  await text(request, EDGE + product);
  await control(request, "a", "stop");
  await control(request, "b", "stop");
  try {
    const stale = await text(request, EDGE + product);
    expect(stale.status).toBe(200);
    expect(stale.body).toContain(FEATURED.title);

    const uncached = await text(request, `${EDGE}/search?q=never-asked-${Date.now()}`);
    expect(uncached.status).toBe(503);
    expect(uncached.body).toContain("Quire Books is back in a moment");
    expect(uncached.body).toContain('<a href="/">go to the home page</a>');
    expect(uncached.body).not.toContain("Guru Meditation");
  } finally {
    await control(request, "a", "start");
    await control(request, "b", "start");
  }
});

async function addToCart(page: Page, slug: string, title: string) {
  await page.goto(`/books/${slug}`);
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart:" })).toContainText(title);
}

test("carts, checkout and sign-in work through the edge with and without JavaScript, each shopper seeing only their own", async ({
  browser,
  request,
}) => {
  const shoppers = [
    { javaScriptEnabled: true, book: { slug: FEATURED.slug, title: FEATURED.title } },
    { javaScriptEnabled: false, book: { slug: "animales-wordbooks", title: "Animales Wordbooks" } },
  ];
  const pages = [];
  for (const shopper of shoppers) {
    const context = await browser.newContext({ baseURL: EDGE, javaScriptEnabled: shopper.javaScriptEnabled });
    const page = await context.newPage();
    await addToCart(page, shopper.book.slug, shopper.book.title);
    pages.push({ ...shopper, page });
  }
  for (const { page, book, javaScriptEnabled } of pages) {
    const other = shoppers.find((s) => s.book.slug !== book.slug)!.book;
    await page.goto("/cart");
    const lines = page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem");
    await expect(lines, `JavaScript ${javaScriptEnabled}`).toHaveCount(1);
    await expect(lines).toContainText(book.title);
    await expect(page.getByText(other.title)).toHaveCount(0);
    await page.getByRole("button", { name: "Checkout" }).click();
    await expect(page).toHaveURL(/\/checkout\/stub\/cs_stub_\w+\?token=/);
    await page.getByLabel("Email").fill("reader@example.com");
    // An ebook needs no address.
    if (await page.getByLabel("Full name").count()) {
      await page.getByLabel("Full name").fill("Rosa Reader");
      await page.getByLabel("Address line 1").fill("12 Library Lane");
      await page.getByLabel("City").fill("Springfield");
      await page.getByLabel("State").selectOption("IL");
      await page.getByLabel("ZIP code").fill("62701");
    }
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\/[\w-]{43}$/);
    await expect(page.getByText("Status: Paid")).toBeVisible();
    await expect(page.getByText(book.title).first()).toBeVisible();
    await expect(page.getByText(other.title)).toHaveCount(0);
    await page.context().close();
  }
  // The edge never answers a personal page from its cache.
  for (const url of ["/cart", "/admin/books", "/admin/sign-in"]) {
    for (let i = 0; i < 2; i++) expect((await text(request, EDGE + url)).cache, url).toBe("PASS");
  }

  // Staff sign in through the edge without JavaScript.
  const context = await browser.newContext({ baseURL: EDGE, javaScriptEnabled: false });
  const staff = await context.newPage();
  await signInThroughForm(staff, ADMIN);
  await expect(staff.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

test("Prometheus finds request counts from both instances after traffic through the edge", async ({
  request,
}) => {
  const prometheus = `http://127.0.0.1:${PORT + 7}`;
  const query = async (promql: string) => {
    const response = await request.get(`${prometheus}/api/v1/query`, { params: { query: promql } });
    expect(response.status(), promql).toBe(200);
    const body = (await response.json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    return body.data.result;
  };
  // Searches the edge has not seen: each goes to an instance, the director taking them in turn.
  const marker = Date.now();
  for (let i = 0; i < 8; i++) {
    expect((await request.get(`${EDGE}/search?q=war-${marker}-${i}`)).status()).toBe(200);
  }
  await expect
    .poll(
      async () =>
        (
          await query(
            'sum by (store_instance) (bookstore_http_request_duration_seconds_count{route="search"})',
          )
        )
          .filter((series) => Number(series.value[1]) > 0)
          .map((series) => series.metric.store_instance)
          .sort(),
      { timeout: 20_000 },
    )
    .toEqual(["a", "b"]);
  // The edge's and Redis's own counters, through their exporters.
  expect((await query('varnish_main_cache_hit{job="varnish"}')).length).toBe(1);
  expect(await query('redis_up{job="redis"}')).toMatchObject([{ value: [expect.any(Number), "1"] }]);
  // The alerting rules are loaded, and none fires on a healthy stack.
  const rules = await request.get(`${prometheus}/api/v1/rules`);
  expect(JSON.stringify(await rules.json())).toContain('"name":"StoreErrorRate"');
  expect(await query('ALERTS{alertstate="firing"}')).toEqual([]);
});
