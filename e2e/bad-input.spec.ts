// Bad input, everywhere a client can send it (issue 22, "staying up"): hostile values for every
// page's query string, every server action's form posted with a field missing, sent twice or
// oversized, and every route with odd methods, parameters and bodies. Over 500 generated cases:
// none may answer a 5xx, and none may change stored data (the PostgreSQL store's tables are
// fingerprinted before and after; rate-limit counters and "last seen" times are not data).
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { FEATURED } from "./support/catalog";

// One store suffices: the PostgreSQL one is production's, and its tables can be read from here
// (the test skips itself on the other projects).
test.describe.configure({ mode: "serial", timeout: 300_000 });

const ADMIN = {
  email: "admin@e2e.test",
  password: process.env.E2E_ADMIN_PASSWORD || "e2e-admin-password-0123",
};

/** The e2e server's own database (scripts/test/e2e-server.mjs names it after the port). */
function databaseUrl(baseURL: string | undefined): string | null {
  if (!baseURL || !process.env.TEST_POSTGRES_URL) return null;
  const port = new URL(baseURL).port;
  const url = new URL(process.env.TEST_POSTGRES_URL);
  url.pathname = `/bookstore_e2e_${port}`;
  return url.toString();
}

/**
 * Stored data, one digest per table; counters, "last seen" columns and the mail worker's sending
 * bookkeeping (attempts, backoff, claims) left out: those change with time, not with requests.
 */
const FINGERPRINT = {
  Book: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Book" t`,
  Edition: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Edition" t`,
  BookContributor: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "BookContributor" t`,
  BookCategory: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "BookCategory" t`,
  Contributor: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Contributor" t`,
  Category: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Category" t`,
  Series: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Series" t`,
  Rating: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Rating" t`,
  Article: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "Article" t`,
  Cart: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "Cart" t`,
  CartItem: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "CartItem" t`,
  Order: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "Order" t`,
  OrderItem: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "OrderItem" t`,
  ProcessedWebhookEvent: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "ProcessedWebhookEvent" t`,
  EmailOutbox: `SELECT md5(string_agg(concat_ws(',', "id", "kind", "to", "subject", "text", "html", "orderId", "failedAt"), '|' ORDER BY "id")) FROM "EmailOutbox"`,
  EbookFile: `SELECT md5(string_agg(concat_ws(',', "id", "editionId", "fileName", "byteSize", "sha256"), '|' ORDER BY "id")) FROM "EbookFile"`,
  CoverImage: `SELECT md5(string_agg(concat_ws(',', "id", "bookId", "version", "format", "width", "byteSize"), '|' ORDER BY "id")) FROM "CoverImage"`,
  DownloadGrant: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "DownloadGrant" t`,
  DownloadLog: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "DownloadLog" t`,
  AdminUser: `SELECT md5(string_agg(concat_ws(',', "id", "email", "name", "passwordHash", "role", "disabledAt"), '|' ORDER BY "id")) FROM "AdminUser"`,
  AdminSession: `SELECT md5(string_agg(concat_ws(',', "id", "userId", "expiresAt", "revokedAt"), '|' ORDER BY "id")) FROM "AdminSession"`,
  ApiToken: `SELECT md5(string_agg(concat_ws(',', "id", "name", "scopes", "revokedAt"), '|' ORDER BY "id")) FROM "ApiToken"`,
  ListingRevision: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "ListingRevision" t`,
  SlugRedirect: `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM "SlugRedirect" t`,
  AuditLog: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "AuditLog" t`,
  CsvImport: `SELECT md5(string_agg(t::text, '|' ORDER BY t."id")) FROM "CsvImport" t`,
  SearchWord: `SELECT md5(string_agg(t::text, '|' ORDER BY t."word")) FROM "SearchWord" t`,
};

async function fingerprint(db: pg.Client): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [table, sql] of Object.entries(FINGERPRINT)) {
    out[table] = (await db.query<{ md5: string | null }>(sql)).rows[0]?.md5 ?? null;
  }
  return out;
}

interface Case {
  label: string;
  send: () => Promise<{ status: () => number }>;
}

const LONG = "x".repeat(3000);
/** Hostile query values; `null` stands for the parameter sent twice. */
const QUERY_VALUES: (string | null)[] = [
  "",
  LONG,
  "-1",
  "1e309",
  "__proto__",
  "%00",
  "<b>'\"",
  `/admin/${LONG}`,
  null,
];
const LIST_PARAMS = [
  "category",
  "language",
  "format",
  "min_price",
  "max_price",
  "min_rating",
  "sort",
  "page",
];
const PAGES: Record<string, string[]> = {
  "/": ["q"],
  "/books": [...LIST_PARAMS, "feature", "q"],
  "/search": ["q", "page", "sort", "category", "format", "min_price", "language"],
  "/categories/wordbooks": [...LIST_PARAMS],
  "/contributors/sandeep-balakrishna": ["page", "sort"],
  [`/books/${FEATURED.slug}`]: ["edition"],
  [`/books/${FEATURED.slug}/reviews`]: ["page", "cursor", "stars"],
  [`/articles/${FEATURED.article}`]: ["ref"],
  "/cart": ["notice"],
  "/developers/api": ["tag"],
  "/admin/sign-in": ["error", "retry", "next", "signed_out"],
  "/admin/users": ["error", "notice", "target", "form", "email", "fe_email", "fe_password"],
  "/admin/books": ["q", "status", "category", "language", "missing", "page"],
  "/admin/orders": ["status", "from", "to", "q", "page"],
  "/admin/audit": ["page"],
  "/admin/ratings": ["status", "page", "done", "rating", "book", "error"],
  "/admin/tokens": ["notice", "target", "error"],
  "/admin/exchange": ["csv_error"],
  "/admin/books/1": ["saved", "cover"],
  "/preview/books/1": [],
  "/admin/books/1/history": ["error", "restored"],
  "/series/cold-war-history": [],
  "/categories": ["page", "sort"],
  "/pages/about": ["ref"],
  "/admin/pages": ["saved", "error"],
  "/admin/pages/about": [],
  "/admin": [],
  "/admin/books/new": [],
  "/admin/emails": ["status", "page"],
  "/admin/not-allowed": [],
};

/**
 * @param found pages whose paths the set-up made (an order, a stub checkout, an email, an import);
 * a path may carry its own query (the stub checkout's token), which the cases add to.
 */
function queryCases(
  admin: APIRequestContext,
  shopper: APIRequestContext,
  found: Record<string, string[]>,
): Case[] {
  const cases: Case[] = [];
  for (const [path, params] of Object.entries({ ...PAGES, ...found })) {
    const client = path.startsWith("/admin") && path !== "/admin/sign-in" ? admin : shopper;
    const join = path.includes("?") ? "&" : "?";
    // Every hostile value on an unknown parameter; three of them, in turn, on each known one.
    const plan: [string, (string | null)[]][] = [
      ["zz_unknown", QUERY_VALUES],
      ...params.map((param, i): [string, (string | null)[]] => [
        param,
        [0, 1, 2].map((k) => QUERY_VALUES[(i * 3 + k) % QUERY_VALUES.length]!),
      ]),
    ];
    for (const [param, values] of plan) {
      for (const value of values) {
        const query =
          value === null
            ? `${param}=1&${param}=2`
            : `${param}=${value === "%00" ? value : encodeURIComponent(value)}`;
        const url = `${path}${join}${query}`;
        cases.push({ label: `GET ${url.slice(0, 120)}`, send: () => client.get(url, { maxRedirects: 0 }) });
      }
    }
    // A malformed %-escape in the query string.
    cases.push({
      label: `GET ${path}${join}q=%E0%A4%A`,
      send: () => client.get(`${path}${join}q=%E0%A4%A`, { maxRedirects: 0 }),
    });
  }
  return cases;
}

/** A form as a no-JavaScript post sends it: its fields (React's action fields included) and which are required. */
interface ScrapedForm {
  label: string;
  page: string;
  fields: [string, string][];
  required: string[];
}

async function scrapeForms(page: Page, path: string, skip: RegExp = /^$/): Promise<ScrapedForm[]> {
  await page.goto(path);
  const forms = await page.locator("form[method=post], form[method=POST]").evaluateAll((elements) =>
    elements.map((form) => {
      const f = form as HTMLFormElement;
      const button = f.querySelector<HTMLButtonElement>("button[type=submit], button:not([type])");
      const fields = [...new FormData(f).entries()].filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      );
      const required = [...f.elements]
        .filter((e) => (e as HTMLInputElement).required || (e as HTMLInputElement).type === "hidden")
        .map((e) => (e as HTMLInputElement).name)
        .filter((name) => name && !name.startsWith("$ACTION"));
      return {
        button: button?.getAttribute("aria-label") || button?.textContent?.trim() || "?",
        fields,
        required,
      };
    }),
  );
  return forms
    .filter((form) => !skip.test(form.button) && form.fields.some(([name]) => !name.startsWith("$ACTION")))
    .map((form) => ({
      label: `${path} "${form.button}"`,
      page: path,
      fields: form.fields,
      required: form.required,
    }));
}

const OVERSIZED = "y".repeat(100_000);

function actionCases(form: ScrapedForm, client: APIRequestContext, origin: string): Case[] {
  const post = (fields: [string, string][]) => {
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    return () => client.post(form.page, { multipart: body, headers: { origin }, maxRedirects: 0 });
  };
  const own = [...new Set(form.fields.map(([name]) => name).filter((name) => !name.startsWith("$ACTION")))];
  const cases: Case[] = [];
  for (const name of own) {
    if (form.required.includes(name)) {
      cases.push({
        label: `${form.label} without ${name}`,
        send: post(form.fields.filter(([n]) => n !== name)),
      });
    }
    const value = form.fields.find(([n]) => n === name)![1];
    cases.push({ label: `${form.label} ${name} twice`, send: post([...form.fields, [name, `${value}1`]]) });
    cases.push({
      label: `${form.label} ${name} oversized`,
      send: post(form.fields.map(([n, v]) => [n, n === name ? OVERSIZED : v])),
    });
  }
  cases.push({
    label: `${form.label} over the body limit`,
    send: post([...form.fields, ["padding", "z".repeat(300 * 1024)]]),
  });
  cases.push({
    label: `${form.label} with only its action`,
    send: post(form.fields.filter(([n]) => n.startsWith("$ACTION"))),
  });
  return cases;
}

function routeCases(client: APIRequestContext, origin: string): Case[] {
  const cases: Case[] = [];
  const routes = [
    "/api/v1/books",
    `/api/v1/books/${FEATURED.slug}`,
    `/api/v1/books/${FEATURED.slug}/ratings`,
    `/api/v1/books/${FEATURED.slug}/editions`,
    `/api/v1/books/${FEATURED.slug}/editions/1`,
    "/api/v1/categories",
    "/api/v1/contributors/sandeep-balakrishna",
    "/api/v1/series/nothing",
    "/api/v1/search?q=war",
    "/api/v1/openapi.json",
    "/api/search/suggest?q=kor",
    "/api/cart/summary",
    "/api/admin/session",
    "/api/health",
    "/api/ready",
    "/api/webhooks/stripe",
    "/sitemap.xml",
    "/sitemaps/books-1.xml",
    "/robots.txt",
    `/og/books/${FEATURED.slug}`,
    `/og/articles/${FEATURED.article}`,
    `/covers/${FEATURED.slug}?f=webp&w=320`,
    "/admin/books/1/cover",
    "/admin/export/listings.csv",
    "/admin/export/onix.xml",
    "/admin/exchange/csv-imports",
  ];
  const bodies: [string, string][] = [
    ["application/json", "{"],
    ["application/json", '{"stars":6,"title":null}'],
    ["application/json", JSON.stringify({ stars: 5, body: "b".repeat(50_000) })],
    ["application/json", "[]"],
    ["text/plain", "hello"],
    ["application/x-www-form-urlencoded", "a=1&a=2"],
  ];
  for (const route of routes) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const [contentType, data] = bodies[cases.length % bodies.length]!;
      cases.push({
        label: `${method} ${route} ${contentType}`,
        send: () =>
          client.fetch(route, {
            method,
            headers: { "content-type": contentType, origin },
            data,
            maxRedirects: 0,
          }),
      });
    }
    for (const query of ["limit=-1&limit=2", `q=${encodeURIComponent(LONG)}&cursor=%00`]) {
      const url = `${route}${route.includes("?") ? "&" : "?"}${query}`;
      cases.push({ label: `GET ${url.slice(0, 100)}`, send: () => client.get(url, { maxRedirects: 0 }) });
    }
  }
  for (const data of bodies) {
    const [contentType, body] = data;
    cases.push({
      label: `POST ratings ${body.slice(0, 30)}`,
      send: () =>
        client.post(`/api/v1/books/${FEATURED.slug}/ratings`, {
          headers: { "content-type": contentType, origin },
          data: body,
        }),
    });
  }
  for (const signature of [
    "",
    "t=1",
    "t=abc,v1=00",
    `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
    "v1=x,v1=y",
  ]) {
    cases.push({
      label: `webhook signature "${signature}"`,
      send: () =>
        client.post("/api/webhooks/stripe", {
          headers: { "content-type": "application/json", "stripe-signature": signature },
          data: '{"id":"evt_1","type":"checkout.session.completed","data":{"object":{}}}',
        }),
    });
  }
  for (const token of ["", "qb_", `qb_${"A".repeat(43)}`, "x".repeat(500)]) {
    cases.push({
      label: `write with token "${token.slice(0, 10)}"`,
      send: () =>
        client.post("/api/v1/books", {
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          data: '{"title":"x"}',
        }),
    });
  }
  return cases;
}

const PAPERBACK = "the-incredible-adventures-of-tap-it-tad";
const BUYER_EMAIL = "bad-input@example.com";

/** A shopper buys a paperback through the stub checkout; the paid order's page. */
async function paidOrder(browser: Browser, baseURL: string): Promise<string> {
  const buyer = await (await browser.newContext({ baseURL })).newPage();
  await buyer.goto(`/books/${PAPERBACK}`);
  await buyer.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(buyer).toHaveURL(/\/cart\?notice=added&added=\d+$/);
  await buyer.getByLabel("Ship to").selectOption("US");
  await buyer.getByRole("button", { name: "Update", exact: true }).click();
  await expect(buyer.getByText("Shipping and tax are now for your new destination.")).toBeVisible();
  await buyer.getByRole("button", { name: "Checkout" }).click();
  await expect(buyer).toHaveURL(/\/checkout\/stub\//);
  await buyer.getByLabel("Email").fill(BUYER_EMAIL);
  await buyer.getByLabel("Full name").fill("Bea Input");
  await buyer.getByLabel("Address line 1").fill("1 Odd Street");
  await buyer.getByLabel("City").fill("Springfield");
  await buyer.getByLabel("State").selectOption({ label: "Illinois" });
  await buyer.getByLabel("ZIP code").fill("62701");
  await buyer.getByRole("button", { name: /^Pay / }).click();
  await expect(buyer.getByText("Status: Paid")).toBeVisible();
  const orderPage = new URL(buyer.url()).pathname;
  await buyer.context().close();
  return orderPage;
}

/** An import checked and ready to apply (the featured book at another price); its page. */
async function checkedImport(admin: Page): Promise<string> {
  const exported = await (await admin.request.get("/admin/export/listings.csv")).text();
  const [header = [], ...rows]: string[][] = parse(exported, { bom: true });
  const price = header.indexOf("price");
  const mine = rows.filter((cells) => cells[header.indexOf("slug")] === FEATURED.slug);
  expect(mine.length).toBeGreaterThan(0);
  mine[0]![price] = "77.77";
  await admin.goto("/admin/exchange");
  await admin.getByLabel(/^CSV file/).setInputFiles({
    name: "bad-input.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(stringify([header, ...mine], { bom: true })),
  });
  await admin.getByRole("button", { name: "Check the file" }).click();
  await admin.waitForURL(/\/admin\/exchange\/csv-imports\/\d+$/);
  await expect(admin.getByRole("button", { name: "Apply import" })).toBeVisible({ timeout: 60_000 });
  return new URL(admin.url()).pathname;
}

async function signedIn(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return { context, page };
}

/** Runs the cases a few at a time; returns every answer that was a 5xx (or no answer at all). */
async function run(cases: Case[]): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < cases.length; i += 4) {
    await Promise.all(
      cases.slice(i, i + 4).map(async (c) => {
        try {
          const status = (await c.send()).status();
          if (status >= 500) failures.push(`${status} ${c.label}`);
        } catch (error) {
          failures.push(`no answer: ${c.label}: ${(error as Error).message.split("\n")[0]}`);
        }
      }),
    );
  }
  return failures;
}

test("over 500 bad inputs get 4xx answers and change nothing", async ({ browser, baseURL }) => {
  test.skip(test.info().project.name !== "postgres" || !databaseUrl(baseURL), "runs on the PostgreSQL store");
  const origin = baseURL!;
  const db = new pg.Client({ connectionString: databaseUrl(baseURL)! });
  await db.connect();
  try {
    // Set-up (may write): a signed-in admin, a shopper with a print book in the cart and a stub
    // checkout open, and every form those pages have.
    const admin = await signedIn(browser, origin);
    const shopperContext = await browser.newContext({ baseURL: origin });
    const shopper = await shopperContext.newPage();
    await shopper.goto("/books/animales-wordbooks");
    await shopper.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(shopper).toHaveURL(/\/cart\?notice=added&added=\d+$/);
    const forms: [ScrapedForm, APIRequestContext][] = [];
    for (const form of await scrapeForms(shopper, `/books/${FEATURED.slug}`))
      forms.push([form, shopperContext.request]);
    for (const form of await scrapeForms(shopper, "/cart", /^Checkout$/))
      forms.push([form, shopperContext.request]);
    await shopper.getByRole("button", { name: "Checkout" }).click();
    await expect(shopper).toHaveURL(/\/checkout\/stub\//);
    const stub = new URL(shopper.url());
    for (const form of await scrapeForms(shopper, stub.pathname + stub.search))
      forms.push([form, shopperContext.request]);
    const signedOut = await (await browser.newContext({ baseURL: origin })).newPage();
    for (const form of await scrapeForms(signedOut, "/admin/sign-in"))
      forms.push([form, signedOut.context().request]);
    for (const path of [
      "/admin/users",
      "/admin/tokens",
      "/admin/books/1",
      "/admin/books/new",
      "/admin/books/1/history",
      "/admin/ratings?status=pending",
      "/admin/pages/about",
    ]) {
      for (const form of await scrapeForms(admin.page, path, /^Sign out$/))
        forms.push([form, admin.context.request]);
    }
    // The forms that need something to act on: a paid paperback order (shipping it), its receipt
    // given up on (sending it again: marked failed as the mail worker does after its last attempt,
    // since the store's SMTP server is not listening), and a checked import (applying it).
    const orderPage = await paidOrder(browser, origin);
    let order: { order: string; email: number } | undefined;
    // The receipt is queued as the payment is recorded.
    await expect
      .poll(async () => {
        const { rows } = await db.query<{ order: string; email: number }>(
          `SELECT o."id" AS "order", e."id" AS "email" FROM "Order" o JOIN "EmailOutbox" e ON e."orderId" = o."id"
            WHERE o."email" = $1 AND o."status" = 'paid' ORDER BY o."createdAt" DESC LIMIT 1`,
          [BUYER_EMAIL],
        );
        order = rows[0];
        return order;
      })
      .toBeTruthy();
    await db.query(
      `UPDATE "EmailOutbox" SET "failedAt" = now(), "error" = 'refused (bad-input set-up)', "lockedUntil" = NULL
        WHERE "id" = $1 AND "sentAt" IS NULL`,
      [order!.email],
    );
    const importPage = await checkedImport(admin.page);
    const { order: orderId, email: emailId } = order!;
    for (const path of [`/admin/orders/${orderId}`, `/admin/emails/${emailId}`, importPage]) {
      const found = await scrapeForms(admin.page, path, /^Sign out$/);
      expect(found.length, path).toBeGreaterThan(0);
      for (const form of found) forms.push([form, admin.context.request]);
    }
    expect(forms.length).toBeGreaterThanOrEqual(15);

    const cases = [
      ...queryCases(admin.context.request, shopperContext.request, {
        [stub.pathname + stub.search]: ["token"],
        [orderPage]: [],
        [`/admin/orders/${orderId}`]: ["shipped"],
        [`/admin/emails/${emailId}`]: ["requeued"],
        [importPage]: [],
      }),
      ...routeCases(shopperContext.request, origin),
    ];
    const actions = forms.map(([form, client]) => ({ form, cases: actionCases(form, client, origin) }));
    const total = cases.length + actions.reduce((n, a) => n + a.cases.length, 0);
    console.log(`bad input: ${total} cases (${cases.length} queries and routes, ${forms.length} forms)`);
    expect(total).toBeGreaterThanOrEqual(500);

    const before = await fingerprint(db);
    const failures: string[] = [];
    const changed: string[] = [];
    // One post at a time, each checked on its own, so a change names the post that made it.
    for (const { cases: formCases } of actions) {
      for (const c of formCases) {
        failures.push(...(await run([c])));
        const now = await fingerprint(db);
        const tables = Object.keys(now).filter((t) => now[t] !== before[t]);
        if (tables.length) {
          changed.push(`${c.label}: ${tables.join(", ")}`);
          Object.assign(before, now);
        }
      }
    }
    failures.push(...(await run(cases)));
    const after = await fingerprint(db);
    const tables = Object.keys(after).filter((t) => after[t] !== before[t]);
    if (tables.length) changed.push(`queries and routes: ${tables.join(", ")}`);
    expect({ failures, changed }, "5xx answers and changed tables").toEqual({ failures: [], changed: [] });
  } finally {
    await db.end();
  }
});
