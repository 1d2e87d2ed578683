import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { createStaffUser, setStaffDisabled } from "@/lib/auth/users";
import { getListingForEdit } from "@/lib/catalog/listings/store";
import { MAX_PRICE_MINOR } from "@/lib/catalog/listings/schema";
import { toDecimalString } from "@/lib/catalog/shared/money";
import type * as CacheTags from "@/lib/cache-tags";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { malformedBodies } from "@/test/malformed-bodies";
import { addEdition, createBook, hideBook, patchBook, patchEdition } from "./book-writes";
import { runApiWrite, type WriteContext, type WriteOutcome } from "./write";

type Op<P> = (ctx: WriteContext<P>) => Promise<WriteOutcome>;

// The slugs the listings service reports to the invalidation seam.
const changed = vi.hoisted((): string[] => []);
vi.mock("@/lib/cache-tags", async (original) => ({
  ...(await original<typeof CacheTags>()),
  invalidate: (change: { slugs?: (string | null | undefined)[] }) =>
    changed.push(...(change.slugs ?? []).filter((s): s is string => !!s)),
}));

describe.each(testEngines())("write API on %s", (engine) => {
  let db: TestDatabase;
  let writer: string;
  let reader: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const admin = await createStaffUser(
      db.prisma,
      { email: "tokens@it.test", name: "Token Admin", role: "admin", password: "a-long-password-123" },
      { actorId: null },
    );
    writer = (
      await createApiToken(
        db.prisma,
        { name: "writer", scopes: ["catalog:read", "catalog:write"] },
        { actorId: admin.id },
      )
    ).token;
    reader = (
      await createApiToken(db.prisma, { name: "reader", scopes: ["catalog:read"] }, { actorId: admin.id })
    ).token;
  });
  afterAll(async () => db?.destroy());

  function call<P>(
    op: Op<P>,
    params: P,
    init: { method: string; token?: string; body?: string; headers?: Record<string, string> },
  ) {
    const headers = new Headers(init.headers);
    // What server.mjs sets from the socket.
    headers.set("x-client-ip", "203.0.113.5");
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (init.body !== undefined && !headers.has("content-type"))
      headers.set("content-type", "application/json");
    const request = new Request("http://store.test/api/v1/books", {
      method: init.method,
      headers,
      body: init.body,
    });
    return runApiWrite(db.prisma, request, params, op);
  }

  const listing = {
    title: "Integration Write Book",
    slug: "integration-write-book",
    status: "published",
    languages: "en",
    contributors: [{ name: "Ada Writer", role: "author" }],
    editions: [{ format: "paperback", price: "12.50", isbn: "978-0-306-40615-7" }],
  };

  it("creates with 201, Location and a version ETag; tokens are scoped and revocable", async () => {
    const none = await call(createBook, {}, { method: "POST", body: JSON.stringify(listing) });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.headers.get("access-control-allow-origin")).toBeNull();
    const readOnly = await call(
      createBook,
      {},
      { method: "POST", token: reader, body: JSON.stringify(listing) },
    );
    expect(readOnly.status).toBe(403);

    const created = await call(
      createBook,
      {},
      { method: "POST", token: writer, body: JSON.stringify(listing) },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/v1/books/integration-write-book");
    expect(created.headers.get("etag")).toMatch(/^"v1-/);
    expect(created.headers.get("access-control-allow-origin")).toBeNull();
    expect(await created.json()).toMatchObject({
      slug: "integration-write-book",
      status: "published",
      version: 1,
    });
    expect(changed).toContain("integration-write-book");

    const audit = await db.prisma.auditLog.findFirst({
      where: { action: "listing.created" },
      orderBy: { id: "desc" },
    });
    expect(audit?.details).toMatchObject({ apiToken: { name: "writer" } });
    const revision = await db.prisma.listingRevision.findFirst({ orderBy: { id: "desc" } });
    expect(revision?.source).toBe("api");
  });

  it("PATCH needs If-Match (428), refuses a stale one (412) and merges a partial update", async () => {
    const slug = { slug: "integration-write-book" };
    const missing = await call(patchBook, slug, { method: "PATCH", token: writer, body: '{"subtitle":"S"}' });
    expect(missing.status).toBe(428);
    const ok = await call(patchBook, slug, {
      method: "PATCH",
      token: writer,
      body: '{"subtitle":"Second"}',
      headers: { "if-match": '"v1-abc"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toMatch(/^"v2-/);
    const stale = await call(patchBook, slug, {
      method: "PATCH",
      token: writer,
      body: '{"title":"Lost update"}',
      headers: { "if-match": '"v1-abc"' },
    });
    expect(stale.status).toBe(412);
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { slug: slug.slug },
      include: { editions: true },
    });
    expect(book).toMatchObject({ title: "Integration Write Book", subtitle: "Second", version: 2 });
    expect(book.editions[0]).toMatchObject({ priceMinor: 1250, isbn13: "9780306406157" });
  });

  it("a PATCH that changes nothing keeps the version and ETag and invalidates nothing", async () => {
    const slug = { slug: "integration-write-book" };
    const { id } = await db.prisma.book.findUniqueOrThrow({ where: slug, select: { id: true } });
    const before = await getListingForEdit(db.prisma, id);
    changed.length = 0;
    const same = await call(patchBook, slug, {
      method: "PATCH",
      token: writer,
      body: JSON.stringify({ subtitle: "Second", description: null }),
      headers: { "if-match": `"v${before!.version}-x"` },
    });
    expect(same.status).toBe(200);
    expect(same.headers.get("etag")).toMatch(new RegExp(`^"v${before!.version}-`));
    expect(changed).toEqual([]);
    expect(await getListingForEdit(db.prisma, id)).toEqual(before);
  });

  it(`answers 4xx to ${malformedBodies().length} malformed bodies and changes nothing`, async () => {
    const book = await db.prisma.book.findUniqueOrThrow({ where: { slug: "integration-write-book" } });
    const before = await getListingForEdit(db.prisma, book.id);
    const etag = `"v${before!.version}-x"`;
    const statuses = new Map<number, number>();
    for (const [i, bad] of malformedBodies().entries()) {
      const headers = { "content-type": bad.contentType, "if-match": etag };
      const ops = [
        () =>
          call(patchBook, { slug: book.slug }, { method: "PATCH", token: writer, body: bad.body, headers }),
        () => call(createBook, {}, { method: "POST", token: writer, body: bad.body, headers }),
      ];
      const response = await ops[i % 2]!();
      expect(response.status, `${bad.label}: ${await response.clone().text()}`).toBeGreaterThanOrEqual(400);
      expect(response.status, bad.label).toBeLessThan(500);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    expect([...statuses.keys()].sort()).toEqual([400, 413, 415, 422]);
    expect(await getListingForEdit(db.prisma, book.id)).toEqual(before);
    expect(await db.prisma.book.count()).toBe(1);
  });

  it("names unknown fields by path (422) and refuses oversized bodies before parsing (413)", async () => {
    const unknown = await call(
      createBook,
      {},
      {
        method: "POST",
        token: writer,
        body: JSON.stringify({
          ...listing,
          slug: "other",
          colour: "red",
          editions: [{ format: "ebook", price: "1", size: 3 }],
        }),
      },
    );
    expect(unknown.status).toBe(422);
    const body = (await unknown.json()) as { errors: { name: string }[] };
    expect(body.errors.map((e) => e.name).sort()).toEqual(["colour", "editions.0.size"]);
    const declared = await call(
      createBook,
      {},
      {
        method: "POST",
        token: writer,
        body: "{}",
        headers: { "content-type": "application/json", "content-length": String(300 * 1024) },
      },
    );
    expect(declared.status).toBe(413);
  });

  it("refuses a price one minor unit over MAX_PRICE_MINOR (422, named field) and stores nothing", async () => {
    const overCeiling = toDecimalString(MAX_PRICE_MINOR + 1, "USD");
    const book = await db.prisma.book.findUniqueOrThrow({ where: { slug: "integration-write-book" } });
    const before = await getListingForEdit(db.prisma, book.id);
    const books = await db.prisma.book.count();
    const created = await call(
      createBook,
      {},
      {
        method: "POST",
        token: writer,
        body: JSON.stringify({
          ...listing,
          slug: "too-dear",
          editions: [{ format: "ebook", price: overCeiling }],
        }),
      },
    );
    const added = await call(
      addEdition,
      { slug: book.slug },
      { method: "POST", token: writer, body: JSON.stringify({ format: "ebook", price: overCeiling }) },
    );
    for (const response of [created, added]) {
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = (await response.json()) as { errors: { name: string }[] };
      expect(body.errors.map((e) => e.name)).toContain(
        response === created ? "editions.0.price" : `editions.${before!.data.editions.length}.price`,
      );
    }
    expect(await db.prisma.book.count()).toBe(books);
    expect(await getListingForEdit(db.prisma, book.id)).toEqual(before);
  });

  it("adds, edits and removes editions through the same save; DELETE hides", async () => {
    const slug = { slug: "integration-write-book" };
    const added = await call(addEdition, slug, {
      method: "POST",
      token: writer,
      body: JSON.stringify({ format: "ebook", price: "4.99" }),
    });
    expect(added.status).toBe(201);
    const editionId = Number(added.headers.get("location")?.split("/").pop());
    expect(editionId).toBeGreaterThan(0);
    const version = Number(added.headers.get("etag")?.match(/^"v(\d+)-/)?.[1]);
    const patched = await call(
      patchEdition,
      { ...slug, id: String(editionId) },
      {
        method: "PATCH",
        token: writer,
        body: JSON.stringify({ price: "5.99" }),
        headers: { "if-match": `"v${version}-x"` },
      },
    );
    expect(patched.status).toBe(200);
    expect(await db.prisma.edition.findUniqueOrThrow({ where: { id: editionId } })).toMatchObject({
      priceMinor: 599,
    });
    const hidden = await call(hideBook, slug, { method: "DELETE", token: writer });
    expect(hidden.status).toBe(200);
    expect(await db.prisma.book.findUniqueOrThrow({ where: { slug: slug.slug } })).toMatchObject({
      status: "hidden",
    });
  });

  it("refuses the tokens of a disabled account (listed as such) and records the client's IP on writes", async () => {
    const creator = await createStaffUser(
      db.prisma,
      { email: "leaver@it.test", name: "Leaver", role: "admin", password: "a-long-password-123" },
      { actorId: null },
    );
    const { token, view } = await createApiToken(
      db.prisma,
      { name: "leaver's token", scopes: ["catalog:write"] },
      { actorId: creator.id },
    );
    const body = JSON.stringify({ ...listing, slug: "leaver-book", title: "Leaver Book", editions: [] });
    const before = await call(
      createBook,
      {},
      { method: "POST", token, body: body.replace('"published"', '"draft"') },
    );
    expect(before.status).toBe(201);
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "listing.created", actorId: creator.id },
      orderBy: { id: "desc" },
    });
    expect(audit.ip).toBe("203.0.113.5");

    await setStaffDisabled(db.prisma, creator.id, true, { actorId: null });
    const refused = await call(hideBook, { slug: "leaver-book" }, { method: "DELETE", token });
    expect(refused.status).toBe(401);
    expect((await db.prisma.book.findUniqueOrThrow({ where: { slug: "leaver-book" } })).status).toBe("draft");
    expect((await listApiTokens(db.prisma)).find((t) => t.id === view.id)).toMatchObject({
      creatorDisabled: true,
      revokedAt: null,
    });
    await setStaffDisabled(db.prisma, creator.id, false, { actorId: null });
    expect((await call(hideBook, { slug: "leaver-book" }, { method: "DELETE", token })).status).toBe(200);
  });

  it("refuses a revoked token at once and records lastUsedAt at most once a minute", async () => {
    const { token, view } = await createApiToken(
      db.prisma,
      { name: "short-lived", scopes: ["catalog:write"] },
      { actorId: null },
    );
    const t0 = new Date("2026-11-27T10:00:00Z");
    await authenticateApiToken(db.prisma, token, t0);
    await authenticateApiToken(db.prisma, token, new Date("2026-11-27T10:00:30Z"));
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } })).lastUsedAt).toEqual(t0);
    await revokeApiToken(db.prisma, view.id, { actorId: null });
    const refused = await call(hideBook, { slug: "integration-write-book" }, { method: "DELETE", token });
    expect(refused.status).toBe(401);
    expect(await db.prisma.apiToken.findUniqueOrThrow({ where: { id: view.id } })).not.toHaveProperty(
      "tokenHash",
      token,
    );
  });
});
