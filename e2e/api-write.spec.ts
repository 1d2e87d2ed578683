import { expect, test, type APIResponse, type Page } from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { malformedBodies } from "../test/malformed-bodies";
import { actAsStaff, ADMIN } from "./support/admin";

type Json = Record<string, unknown>;

// The write API end to end: tokens made by an admin at /admin/tokens, every response validated
// against the OpenAPI document the server publishes, writes seen by the storefront. Works on books
// it creates itself, so the seed data other specs rely on is untouched.

test.describe.configure({ mode: "serial" });

let ajv: Ajv2020;
let doc: Json;
let writer = "";
let reader = "";
const run = Date.now().toString(36);

async function expectConforms(response: APIResponse, schema: string) {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  const body = (await response.json()) as unknown;
  void validate(body);
  expect(validate.errors ?? [], `${response.url()} as ${schema}`).toEqual([]);
  return body as Json;
}

/** A problem document with this status, documented for this operation in the OpenAPI document. */
async function expectProblem(response: APIResponse, status: number, path: string, method: string) {
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(response.headers()["access-control-allow-origin"]).toBeUndefined();
  const operation = (doc.paths as Record<string, Record<string, { responses: Json }>>)[path]?.[method];
  expect(Object.keys(operation?.responses ?? {}), `${method} ${path} documents ${status}`).toContain(
    String(status),
  );
  return expectConforms(response, "Problem");
}

async function expectListing(response: APIResponse, status: number) {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["access-control-allow-origin"]).toBeUndefined();
  expect(response.headers().etag).toMatch(/^"v\d+-/);
  return expectConforms(response, "Listing");
}

async function createToken(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.goto("/admin/tokens");
  await page.getByLabel("Name").fill(name);
  for (const scope of ["catalog:read", "catalog:write"]) {
    await page.getByLabel(scope).setChecked(scopes.includes(scope));
  }
  await page.getByRole("button", { name: "Create token" }).click();
  const status = page.getByRole("main").getByRole("status");
  await expect(status).toContainText(`Token “${name}”`);
  return (await status.locator("code").textContent()) ?? "";
}

const auth = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
  ...extra,
});

function newListing(slug: string) {
  return {
    title: `API Written Book ${run}`,
    slug,
    status: "published",
    languages: "en",
    contributors: [{ name: "Ada Apiwriter", role: "author" }],
    editions: [{ format: "paperback", price: "12.50" }],
  };
}

test.beforeAll(async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  doc = (await response.json()) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi");
});

test("an admin creates API tokens at /admin/tokens; the secret is shown once, the prefix stays", async ({
  page,
}) => {
  await actAsStaff(page, ADMIN, "/admin/tokens");
  writer = await createToken(page, `writer ${run}`, ["catalog:read", "catalog:write"]);
  reader = await createToken(page, `reader ${run}`, ["catalog:read"]);
  expect(writer).toMatch(/^qb_[A-Za-z0-9_-]{43}$/);
  await page.goto("/admin/tokens");
  const row = page.getByRole("row", { name: new RegExp(`writer ${run}`) });
  await expect(row).toContainText(`${writer.slice(0, 11)}…`);
  await expect(page.getByText(writer)).toHaveCount(0);
});

test("create, conditional update, stale and missing If-Match, editions and hide, seen by the storefront", async ({
  request,
  page,
}) => {
  const slug = `api-written-book-${run}`;
  const body = JSON.stringify(newListing(slug));
  await expectProblem(
    await request.post("/api/v1/books", { data: body, headers: { "content-type": "application/json" } }),
    401,
    "/books",
    "post",
  );
  await expectProblem(
    await request.post("/api/v1/books", { data: body, headers: auth(reader) }),
    403,
    "/books",
    "post",
  );

  const created = await request.post("/api/v1/books", { data: body, headers: auth(writer) });
  const listing = await expectListing(created, 201);
  expect(created.headers().location).toBe(`/api/v1/books/${slug}`);
  expect(listing).toMatchObject({ slug, status: "published", version: 1 });
  await page.goto(`/books/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`API Written Book ${run}`);
  await expect(page.getByRole("main")).toContainText("$12.50");

  const read = await request.get(`/api/v1/books/${slug}`);
  const etag = read.headers().etag!;
  expect(etag).toMatch(/^"v1-/);
  const path = "/books/{slug}";
  await expectProblem(
    await request.patch(`/api/v1/books/${slug}`, { data: '{"title":"X"}', headers: auth(writer) }),
    428,
    path,
    "patch",
  );
  const patched = await request.patch(`/api/v1/books/${slug}`, {
    data: JSON.stringify({ title: `API Rewritten Book ${run}` }),
    headers: auth(writer, { "if-match": etag }),
  });
  expect(await expectListing(patched, 200)).toMatchObject({ version: 2 });
  await expectProblem(
    await request.patch(`/api/v1/books/${slug}`, {
      data: '{"title":"Lost update"}',
      headers: auth(writer, { "if-match": etag }),
    }),
    412,
    path,
    "patch",
  );
  await page.goto(`/books/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`API Rewritten Book ${run}`);

  const added = await request.post(`/api/v1/books/${slug}/editions`, {
    data: JSON.stringify({ format: "hardcover", price: "30.00" }),
    headers: auth(writer),
  });
  await expectListing(added, 201);
  const editionUrl = added.headers().location!;
  expect(editionUrl).toMatch(new RegExp(`^/api/v1/books/${slug}/editions/\\d+$`));
  const edited = await request.patch(editionUrl, {
    data: JSON.stringify({ price: "27.50" }),
    headers: auth(writer, { "if-match": added.headers().etag! }),
  });
  await expectListing(edited, 200);
  await page.goto(`/books/${slug}`);
  await expect(page.getByRole("main")).toContainText("$27.50");
  await expectListing(await request.delete(editionUrl, { headers: auth(writer) }), 200);

  await expectProblem(
    await request.post("/api/v1/books", {
      data: body,
      headers: auth(writer, { "content-type": "text/plain" }),
    }),
    415,
    "/books",
    "post",
  );
  const preflight = await request.fetch(`/api/v1/books/${slug}`, {
    method: "OPTIONS",
    headers: { origin: "https://elsewhere.example", "access-control-request-method": "PATCH" },
  });
  expect(preflight.headers()["access-control-allow-methods"] ?? "").not.toContain("PATCH");

  const hidden = await request.delete(`/api/v1/books/${slug}`, { headers: auth(writer) });
  expect(await expectListing(hidden, 200)).toMatchObject({ status: "hidden" });
  expect((await request.get(`/api/v1/books/${slug}`)).status()).toBe(404);
  expect((await page.goto(`/books/${slug}`))?.status()).toBe(404);
});

test("40 malformed bodies answer 4xx problems and change nothing", async ({ request }) => {
  const slug = `api-malformed-${run}`;
  await expectListing(
    await request.post("/api/v1/books", { data: JSON.stringify(newListing(slug)), headers: auth(writer) }),
    201,
  );
  const before = await request.get(`/api/v1/books/${slug}`);
  const etag = before.headers().etag!;
  const all = malformedBodies();
  const sample = all.filter((_, i) => i % 5 === 0).slice(0, 40);
  for (const bad of sample) {
    const response = await request.patch(`/api/v1/books/${slug}`, {
      data: bad.body,
      headers: { authorization: `Bearer ${writer}`, "content-type": bad.contentType, "if-match": etag },
    });
    expect(response.status(), bad.label).toBeGreaterThanOrEqual(400);
    expect(response.status(), bad.label).toBeLessThan(500);
    await expectConforms(response, "Problem");
  }
  const after = await request.get(`/api/v1/books/${slug}`);
  expect(after.headers().etag).toBe(etag);
  expect(await after.json()).toEqual(await before.json());
  await request.delete(`/api/v1/books/${slug}`, { headers: auth(writer) });
});

test("a revoked token is refused at once", async ({ page, request }) => {
  const path = "/books/{slug}";
  await actAsStaff(page, ADMIN, "/admin/tokens");
  await page.goto("/admin/tokens");
  await page.getByRole("button", { name: `Revoke writer ${run}` }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`Revoked the token “writer ${run}”`);
  const refused = await request.delete(`/api/v1/books/api-malformed-${run}`, { headers: auth(writer) });
  await expectProblem(refused, 401, path, "delete");
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
});
