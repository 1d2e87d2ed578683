import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPublishedBook } from "@/lib/catalog/books/queries";
import { AppError, fromDatabaseError } from "@/lib/errors";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { createEmptyDatabase, createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { openDatabase } from "./client";
import { deployMigrations, pendingSchemaSql } from "./migrations";

const FEATURED = "mao-stalin-and-the-korean-war";

async function rowCounts(db: TestDatabase) {
  const p = db.prisma;
  return {
    books: await p.book.count(),
    editions: await p.edition.count(),
    contributors: await p.contributor.count(),
    credits: await p.bookContributor.count(),
    categories: await p.category.count(),
    bookCategories: await p.bookCategory.count(),
    series: await p.series.count(),
    articles: await p.article.count(),
  };
}

describe("schema and migrations", () => {
  it("prisma/migrations match prisma/schema.prisma (no drift)", async () => {
    expect(await pendingSchemaSql()).toBe("");
  });
});

describe.each(testEngines())("database on %s", (engine) => {
  it("migrates an empty database, then finds nothing pending", async () => {
    const empty = await createEmptyDatabase(engine);
    try {
      const first = await deployMigrations(empty.url);
      expect(first.kind).toBe(engine);
      expect(first.applied.length).toBeGreaterThanOrEqual(2);
      expect((await deployMigrations(empty.url)).applied).toEqual([]);
      const db = await openDatabase(empty.url);
      const extensions = await db.prisma.$queryRaw<
        { extname: string }[]
      >`SELECT extname FROM pg_extension ORDER BY extname`;
      expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(["pg_trgm", "unaccent"]));
      const [folded] = await db.prisma.$queryRaw<{ f: string }[]>`SELECT unaccent('educación') AS f`;
      expect(folded?.f).toBe("educacion");
      await db.close();
    } finally {
      await empty.destroy();
    }
  });

  describe("seeded", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      const catalog = await readSeedCatalog();
      await db.prisma.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
    });
    afterAll(async () => db?.destroy());

    it("holds the nine seed titles, one featured", async () => {
      expect(await db.prisma.book.count({ where: { status: "published" } })).toBe(9);
      expect(await db.prisma.book.count({ where: { featured: true } })).toBe(1);
    });

    it("seeding again changes no row count", async () => {
      const before = await rowCounts(db);
      const created = await seedCatalog(db.prisma, await readSeedCatalog());
      expect(Object.values(created).every((n) => n === 0)).toBe(true);
      expect(await rowCounts(db)).toEqual(before);
    });

    it("keeps an admin-edited price, title and removed category through a re-seed", async () => {
      const book = await db.prisma.book.findUniqueOrThrow({
        where: { slug: FEATURED },
        include: { editions: true },
      });
      await db.prisma.edition.update({ where: { id: book.editions[0]!.id }, data: { priceMinor: 2599 } });
      await db.prisma.book.update({
        where: { id: book.id },
        data: { title: "Mao, Stalin and the Korean War (Revised)" },
      });
      await seedCatalog(db.prisma, await readSeedCatalog());
      const after = await db.prisma.book.findUniqueOrThrow({
        where: { slug: FEATURED },
        include: { editions: true },
      });
      expect(after.editions.map((e) => e.priceMinor)).toEqual([2599]);
      expect(after.title).toBe("Mao, Stalin and the Korean War (Revised)");
    });

    it("does not recreate a book under the slug an admin renamed it from", async () => {
      const book = await db.prisma.book.update({
        where: { slug: "what-did-he-say" },
        data: { slug: "what-did-he-really-say" },
      });
      await db.prisma.slugRedirect.create({ data: { fromSlug: "what-did-he-say", bookId: book.id } });
      await seedCatalog(db.prisma, await readSeedCatalog());
      expect(await db.prisma.book.findUnique({ where: { slug: "what-did-he-say" } })).toBeNull();
      expect(await db.prisma.book.count()).toBe(9);
    });

    it("reads the featured book back with its credits, edition and reading features", async () => {
      const book = await loadPublishedBook(db.prisma, FEATURED);
      expect(book).not.toBeNull();
      expect(book!.subtitle).toBe("Trilateral Communist Relations in the 1950s");
      expect(book!.series).toEqual({ slug: "cold-war-history", name: "Cold War History", position: null });
      expect(book!.contributors.map((c) => [c.name, c.role, c.onixRole])).toEqual([
        ["Sandeep Balakrishna", "author", "A01"],
        ["Shen Zihua", "original_author", "A38"],
      ]);
      expect(book!.categories.map((c) => c.slug)).toEqual(["history", "cold-war", "china", "korea"]);
      expect(book!.editions).toHaveLength(1);
      expect(book!.editions[0]).toMatchObject({
        format: "ebook",
        formatName: "Kindle Edition",
        editionLabel: "1st Edition",
        fileSizeKb: 1706,
        pageCount: 265,
        readingFeatures: {
          textToSpeech: true,
          screenReader: true,
          enhancedTypesetting: true,
          wordWise: true,
        },
      });
      expect(book!.listingRating).toBe("5 out of 5");
      expect(book!.rating).toEqual({ count: 0, average: 0 });
      expect(book!.description?.split("\n\n")).toHaveLength(4);
      expect(book!.articles.map((a) => a.slug)).toEqual([
        "mao-stalin-and-the-korean-war-cold-war-power-struggle",
      ]);
    });

    it("hides drafts and hidden books from shoppers", async () => {
      await db.prisma.book.update({ where: { slug: "lets-learn-russian" }, data: { status: "hidden" } });
      expect(await loadPublishedBook(db.prisma, "lets-learn-russian")).toBeNull();
      await db.prisma.book.update({ where: { slug: "lets-learn-russian" }, data: { status: "published" } });
      expect(await loadPublishedBook(db.prisma, "lets-learn-russian")).not.toBeNull();
    });

    it("surfaces a unique violation as a typed error", async () => {
      const edition = await db.prisma.edition.findFirstOrThrow();
      await db.prisma.edition.update({ where: { id: edition.id }, data: { isbn13: "9780306406157" } });
      const other = await db.prisma.edition.findFirstOrThrow({ where: { id: { not: edition.id } } });
      const error = await db.prisma.edition
        .update({ where: { id: other.id }, data: { isbn13: "9780306406157" } })
        .then(
          () => null,
          (e: unknown) => fromDatabaseError(e),
        );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "unique_violation" });
      expect((error as AppError).details.target).toContain("isbn13");
      expect((await db.prisma.edition.findUniqueOrThrow({ where: { id: other.id } })).isbn13).toBeNull();
    });
  });
});
