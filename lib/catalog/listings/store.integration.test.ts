import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { runMigration } from "@/test/migration-sql";
import { AppError } from "@/lib/errors";
import { listAdminBooks, adminListQuerySchema } from "./admin-list";
import { formValuesFromData, listingInputFromValues } from "./form";
import {
  createListing,
  getListingForEdit,
  listRevisions,
  restoreRevision,
  saveListing,
  StaleVersionError,
} from "./store";
import { MAX_PRICE_MINOR, type ListingInput } from "./schema";
import { describeChanges } from "./diff";
import type { Prisma } from "@/lib/db/client";

const engines = testEngines();

function input(overrides: Partial<ListingInput> = {}): ListingInput {
  return {
    title: "The Korean War Reader",
    languages: "en",
    status: "published",
    categorySlugs: ["history"],
    seriesName: "Cold War Studies",
    seriesPosition: 2,
    contributors: [
      { name: "Sandeep Balakrishna", role: "author" },
      { name: "Shen Zihua", role: "original_author" },
    ],
    editions: [{ format: "ebook", formatLabel: "Kindle Edition", price: "39.99", isbn: "978-0-306-40615-7" }],
    ...overrides,
  };
}

async function setup(db: TestDatabase) {
  await db.prisma.category.create({ data: { slug: "history", name: "History" } });
  await db.prisma.category.create({ data: { slug: "asia", name: "Asia" } });
  const user = await db.prisma.adminUser.create({
    data: { email: "ed@example.test", name: "Ed Itor", passwordHash: "x", role: "editor" },
  });
  return { id: user.id, ip: "127.0.0.1" };
}

describe.each(engines)("listing writes on %s", (engine) => {
  let db: TestDatabase;
  let actor: { id: number; ip: string };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    actor = await setup(db);
  });
  afterAll(async () => db?.destroy());

  it("creates a listing with a revision and an audit entry in the same save", async () => {
    const result = await createListing(db.prisma, input(), { actor });
    expect(result).toMatchObject({ slug: "the-korean-war-reader", version: 1, taxonomyChanged: true });
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { id: result.bookId },
      include: { editions: true, contributors: { include: { contributor: true } }, series: true },
    });
    expect(book.publishedAt).not.toBeNull();
    expect(book.editions[0]).toMatchObject({ isbn13: "9780306406157", priceMinor: 3999 });
    expect(book.series?.name).toBe("Cold War Studies");
    expect(book.contributors.map((c) => c.contributor.name)).toEqual(["Sandeep Balakrishna", "Shen Zihua"]);
    const revisions = await db.prisma.listingRevision.findMany({ where: { bookId: result.bookId } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, actorId: actor.id, source: "admin" });
    const audit = await db.prisma.auditLog.findMany({
      where: { targetType: "Book", targetId: String(result.bookId) },
    });
    expect(audit.map((a) => a.action)).toEqual(["listing.created"]);
  });

  it("a save bumps the version and records the field-level diff; a stale version is refused", async () => {
    const created = await createListing(
      db.prisma,
      input({ title: "Diff Me", editions: [{ format: "paperback", price: "10" }] }),
      { actor },
    );
    const edition = await db.prisma.edition.findFirstOrThrow({ where: { bookId: created.bookId } });
    const saved = await saveListing(
      db.prisma,
      created.bookId,
      input({ title: "Diff Me", editions: [{ id: edition.id, format: "paperback", price: "12.50" }] }),
      { actor, expectedVersion: 1 },
    );
    expect(saved.version).toBe(2);
    expect(saved.diff).toEqual({ "editions.0.priceMinor": { from: 1000, to: 1250 } });
    const [latest] = await listRevisions(db.prisma, created.bookId);
    expect(latest).toMatchObject({ version: 2, by: "Ed Itor (ed@example.test)" });
    expect(latest?.diff).toEqual(saved.diff);

    const stale = await saveListing(db.prisma, created.bookId, input({ title: "Too Late" }), {
      actor,
      expectedVersion: 1,
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as StaleVersionError).code).toBe("stale_version");
    expect((stale as StaleVersionError).message).toMatch(
      /changed by Ed Itor \(ed@example.test\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(version 2\)/,
    );
    expect((stale as StaleVersionError).current.title).toBe("Diff Me");
    const book = await db.prisma.book.findUniqueOrThrow({ where: { id: created.bookId } });
    expect(book).toMatchObject({ title: "Diff Me", version: 2 });
  });

  it("an invalid or already used ISBN changes nothing", async () => {
    const created = await createListing(
      db.prisma,
      input({ title: "Isbn Book", editions: [{ format: "paperback", price: "5" }] }),
      { actor },
    );
    const before = await db.prisma.book.findUniqueOrThrow({
      where: { id: created.bookId },
      include: { editions: true },
    });
    const bad = await saveListing(
      db.prisma,
      created.bookId,
      input({
        title: "Isbn Book renamed",
        editions: [{ format: "paperback", price: "6", isbn: "978-0-306-40615-8" }],
      }),
      { actor, expectedVersion: 1 },
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).details.fields?.["editions.0.isbn"]).toEqual(["Not a valid ISBN-13."]);
    const used = await saveListing(
      db.prisma,
      created.bookId,
      input({
        title: "Isbn Book renamed",
        editions: [{ format: "paperback", price: "6", isbn: "9780306406157" }],
      }),
      { actor, expectedVersion: 1 },
    ).catch((e: unknown) => e);
    expect((used as AppError).details.fields?.["editions.0.isbn"]).toEqual([
      "ISBN already used by “The Korean War Reader”.",
    ]);
    const after = await db.prisma.book.findUniqueOrThrow({
      where: { id: created.bookId },
      include: { editions: true },
    });
    expect(after).toEqual(before);
    expect(await db.prisma.listingRevision.count({ where: { bookId: created.bookId } })).toBe(1);
  });

  it("a slug change keeps a redirect from the old slug; renaming back removes it", async () => {
    const created = await createListing(
      db.prisma,
      input({ title: "Old Name", editions: [], status: "draft" }),
      { actor },
    );
    await saveListing(
      db.prisma,
      created.bookId,
      input({ title: "Old Name", slug: "new-name", editions: [], status: "draft" }),
      {
        actor,
        expectedVersion: 1,
      },
    );
    expect(await db.prisma.slugRedirect.findUnique({ where: { fromSlug: "old-name" } })).toMatchObject({
      bookId: created.bookId,
    });
    const other = await createListing(
      db.prisma,
      input({ title: "Other", slug: "old-name", editions: [], status: "draft" }),
      { actor },
    ).catch((e: unknown) => e);
    expect((other as AppError).details.fields?.slug?.[0]).toMatch(/old address of/);
    await saveListing(
      db.prisma,
      created.bookId,
      input({ title: "Old Name", slug: "old-name", editions: [], status: "draft" }),
      {
        actor,
        expectedVersion: 2,
      },
    );
    expect(await db.prisma.slugRedirect.findUnique({ where: { fromSlug: "old-name" } })).toBeNull();
    expect(await db.prisma.slugRedirect.findUnique({ where: { fromSlug: "new-name" } })).not.toBeNull();
  });

  it("restoring a revision is a new save with its own revision and the version check", async () => {
    const created = await createListing(
      db.prisma,
      input({ title: "Restore Me", editions: [{ format: "paperback", price: "20" }] }),
      { actor },
    );
    await saveListing(
      db.prisma,
      created.bookId,
      input({ title: "Restore Me", subtitle: "Changed", editions: [{ format: "paperback", price: "25" }] }),
      {
        actor,
        expectedVersion: 1,
      },
    );
    const first = (await listRevisions(db.prisma, created.bookId)).find((r) => r.version === 1)!;
    const stale = await restoreRevision(db.prisma, created.bookId, first.id, {
      actor,
      expectedVersion: 1,
    }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe("stale_version");
    const restored = await restoreRevision(db.prisma, created.bookId, first.id, {
      actor,
      expectedVersion: 2,
    });
    expect(restored.version).toBe(3);
    expect(restored.diff).toMatchObject({ subtitle: { from: "Changed", to: null } });
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { id: created.bookId },
      include: { editions: true },
    });
    expect(book.subtitle).toBeNull();
    expect(book.editions[0]?.priceMinor).toBe(2000);
    expect((await listRevisions(db.prisma, created.bookId)).map((r) => r.version)).toEqual([3, 2, 1]);
    const audit = await db.prisma.auditLog.findFirst({
      where: { targetId: String(created.bookId) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ action: "listing.restored" });
  });

  it("a revision that no longer passes the schema is refused on restore, and nothing changes", async () => {
    const created = await createListing(
      db.prisma,
      input({ title: "Old Rules", editions: [{ format: "paperback", price: "20" }] }),
      { actor },
    );
    const first = (await listRevisions(db.prisma, created.bookId)).find((r) => r.version === 1)!;
    // A snapshot saved under older rules: a price past today's ceiling.
    const stored = await db.prisma.listingRevision.findUniqueOrThrow({ where: { id: first.id } });
    const snapshot = stored.snapshot as { editions: { priceMinor: number }[] };
    snapshot.editions[0]!.priceMinor = MAX_PRICE_MINOR + 1;
    await db.prisma.listingRevision.update({ where: { id: first.id }, data: { snapshot } });

    const refused = await restoreRevision(db.prisma, created.bookId, first.id, {
      actor,
      expectedVersion: 1,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("validation");
    expect((refused as AppError).details.fields).toHaveProperty(["editions.0.price"]);
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { id: created.bookId },
      include: { editions: true },
    });
    expect(book.version).toBe(1);
    expect(book.editions[0]?.priceMinor).toBe(2000);
  });

  it("a revision saved with the old priceMinor key restores, and its history shows the price", async () => {
    const OLD_PRICE_KEY = "priceCents"; // keep-name: the key revisions were saved with before priceMinor
    const created = await createListing(
      db.prisma,
      input({ title: "Old Names", editions: [{ format: "paperback", price: "20" }] }),
      { actor },
    );
    await saveListing(
      db.prisma,
      created.bookId,
      input({ title: "Old Names", editions: [{ format: "paperback", price: "25" }] }),
      { actor, expectedVersion: 1 },
    );
    // Rewrite both revisions as they were stored before the rename: the snapshot's editions and
    // the diff's paths carry the old key.
    for (const revision of await db.prisma.listingRevision.findMany({ where: { bookId: created.bookId } })) {
      const snapshot = revision.snapshot as { editions: Record<string, unknown>[] };
      for (const edition of snapshot.editions) {
        edition[OLD_PRICE_KEY] = edition.priceMinor;
        delete edition.priceMinor;
      }
      const diff = Object.fromEntries(
        Object.entries(revision.diff as Record<string, unknown>).map(([path, change]) => [
          path.replace(/\.priceMinor$/, `.${OLD_PRICE_KEY}`),
          change,
        ]),
      );
      await db.prisma.listingRevision.update({
        where: { id: revision.id },
        data: {
          snapshot: snapshot as unknown as Prisma.InputJsonObject,
          diff: diff as Prisma.InputJsonObject,
        },
      });
    }
    const revisions = await listRevisions(db.prisma, created.bookId);
    const second = revisions.find((r) => r.version === 2)!;
    expect(second.diff).toHaveProperty([`editions.0.${OLD_PRICE_KEY}`], { from: 2000, to: 2500 });
    expect(
      describeChanges(second.diff, { currencies: { from: second.currencies, to: second.currencies } }),
    ).toEqual([
      { path: `editions.0.${OLD_PRICE_KEY}`, label: "Edition 1 · Price", from: "$20.00", to: "$25.00" },
    ]);

    const first = revisions.find((r) => r.version === 1)!;
    const restored = await restoreRevision(db.prisma, created.bookId, first.id, {
      actor,
      expectedVersion: 2,
    });
    expect(restored.diff).toMatchObject({ "editions.0.priceMinor": { from: 2500, to: 2000 } });
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { id: created.bookId },
      include: { editions: true },
    });
    expect(book.editions[0]?.priceMinor).toBe(2000);
  });

  it("a save of what is stored already writes nothing: same version, no revision, no audit entry", async () => {
    const created = await createListing(
      db.prisma,
      input({
        title: "Untouched",
        description: "One.\n\nTwo.",
        categorySlugs: ["history", "asia"],
        editions: [{ format: "paperback", price: "10" }],
      }),
      { actor },
    );
    const stored = await getListingForEdit(db.prisma, created.bookId);
    const rowBefore = await db.prisma.book.findUniqueOrThrow({ where: { id: created.bookId } });
    // The form as a browser posts it back untouched (CRLF), a name typed in other letter case.
    const values = formValuesFromData(stored!.data);
    values.description = values.description.replace(/\n/g, "\r\n");
    values.contributors[0]!.name = values.contributors[0]!.name.toUpperCase();
    const result = await saveListing(db.prisma, created.bookId, listingInputFromValues(values), {
      actor,
      expectedVersion: 1,
    });
    expect(result).toMatchObject({ changed: false, version: 1, diff: {} });
    expect(await db.prisma.book.findUniqueOrThrow({ where: { id: created.bookId } })).toEqual(rowBefore);
    expect(await getListingForEdit(db.prisma, created.bookId)).toEqual(stored);
    expect(await db.prisma.listingRevision.count({ where: { bookId: created.bookId } })).toBe(1);
    expect(
      await db.prisma.auditLog.count({ where: { targetType: "Book", targetId: String(created.bookId) } }),
    ).toBe(1);
    // The categories kept their order, the main one first.
    expect(stored!.data.categorySlugs).toEqual(["history", "asia"]);
  });

  it("migration description_line_breaks gives CRLF text saved before back its LF, revisions included", async () => {
    const lf = "One paragraph.\n\nAnother.";
    const crlf = lf.replace(/\n/g, "\r\n");
    const created = await createListing(
      db.prisma,
      input({ title: "Line Breaks", description: lf, editions: [{ format: "paperback", price: "10" }] }),
      { actor },
    );
    const first = await db.prisma.listingRevision.findFirstOrThrow({ where: { bookId: created.bookId } });
    // What an untouched admin save stored before the schema normalised line breaks.
    await db.prisma.book.update({
      where: { id: created.bookId },
      data: { description: crlf, teaser: "Tease\r\nmore", version: 2 },
    });
    const price = { "editions.0.priceMinor": { from: 1000, to: 1100 } };
    await db.prisma.listingRevision.create({
      data: {
        bookId: created.bookId,
        version: 2,
        actorId: actor.id,
        source: "admin",
        diff: { description: { from: lf, to: crlf }, teaser: { from: null, to: "Tease\r\nmore" }, ...price },
        snapshot: { ...(first.snapshot as object), description: crlf, teaser: "Tease\r\nmore" },
      },
    });

    await runMigration(db.prisma, "20261205090000_description_line_breaks");

    const book = await db.prisma.book.findUniqueOrThrow({ where: { id: created.bookId } });
    expect([book.description, book.teaser]).toEqual([lf, "Tease\nmore"]);
    const [second, firstAgain] = await db.prisma.listingRevision.findMany({
      where: { bookId: created.bookId },
      orderBy: { version: "desc" },
    });
    // Only the line breaks' non-change is gone from the history; the teaser was really added.
    expect(second?.diff).toEqual({ teaser: { from: null, to: "Tease\r\nmore" }, ...price });
    expect(second?.snapshot).toMatchObject({ description: lf, teaser: "Tease\nmore" });
    expect(firstAgain).toEqual(first);
  });

  it("the admin list searches title and slug case-insensitively, filters and caps the page size", async () => {
    const page = await listAdminBooks(
      db.prisma,
      adminListQuerySchema.parse({ q: "KOREAN", status: "published" }),
    );
    expect(page.rows.map((r) => r.slug)).toEqual(["the-korean-war-reader"]);
    const capped = adminListQuerySchema.parse({ pageSize: "100000", category: "history", language: "en" });
    expect(capped.pageSize).toBe(100);
    const filtered = await listAdminBooks(db.prisma, capped);
    expect(filtered.rows.length).toBeGreaterThan(1);
    expect((await listAdminBooks(db.prisma, adminListQuerySchema.parse({ language: "fr" }))).total).toBe(0);
  });
});

describe.runIf(engines.includes("postgres"))("concurrent saves on postgres", () => {
  let db: TestDatabase;
  let actor: { id: number; ip: string };

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    actor = await setup(db);
  });
  afterAll(async () => db?.destroy());

  it("two saves from the same version: exactly one wins, nothing of the other is stored", async () => {
    const created = await createListing(
      db.prisma,
      input({ title: "Race", editions: [{ format: "paperback", price: "10" }] }),
      { actor },
    );
    const attempts = await Promise.allSettled(
      ["11", "12"].map((price) =>
        saveListing(
          db.prisma,
          created.bookId,
          input({
            title: `Race ${price}`,
            seriesName: `Series ${price}`,
            editions: [{ format: "paperback", price }],
          }),
          { actor, expectedVersion: 1 },
        ),
      ),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).code).toBe("stale_version");
    const winner = (won[0] as PromiseFulfilledResult<{ slug: string }>).value;
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { id: created.bookId },
      include: { editions: true, series: true },
    });
    expect(book.version).toBe(2);
    expect(book.slug).toBe(winner.slug);
    const price = book.title.replace("Race ", "");
    expect(book.editions[0]?.priceMinor).toBe(Number(price) * 100);
    expect(book.series?.name).toBe(`Series ${price}`);
    const loser = price === "11" ? "12" : "11";
    expect(await db.prisma.series.count({ where: { name: `Series ${loser}` } })).toBe(0);
    expect(await db.prisma.listingRevision.count({ where: { bookId: created.bookId } })).toBe(2);
  });
});
