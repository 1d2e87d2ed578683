import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { loadRelatedBooks, RELATED_BOOKS } from "../books/queries";
import { loadBrowseBooks, loadBrowseFacets } from "./queries";
import { LIST_SAMPLE, parseBrowseParams, type RawParams } from "./query";
import { seedCatalog } from "../seed/seed";
import { readSeedCatalog } from "../seed/seed-file";
import { loadCategoryTree, loadCategory, loadContributor, loadSeries } from "../taxonomy/queries";

const SPANISH_BY_TITLE = [
  "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
  "Animales Wordbooks",
  "School / la Escuela (Wordbooks / Libros de Palabras)",
];

describe.each(testEngines())("browsing the catalog on %s", (engine) => {
  let db: TestDatabase;
  const browse = (raw: RawParams, scope = {}) =>
    loadBrowseBooks(db.prisma, parseBrowseParams(raw).query, scope);
  const titles = async (raw: RawParams, scope = {}) => (await browse(raw, scope)).books.map((b) => b.title);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedCatalog(db.prisma, await readSeedCatalog());
    // A book shoppers must never see, in every facet the seed uses.
    await db.prisma.book.create({
      data: {
        slug: "hidden-wordbook",
        title: "Hidden Wordbook",
        languages: ["es", "en"],
        status: "hidden",
        categories: { create: [{ category: { connect: { slug: "wordbooks" } } }] },
        editions: { create: [{ format: "paperback", priceMinor: 100 }] },
      },
    });
  });
  afterAll(async () => db?.destroy());

  it("lists only published books, with the total", async () => {
    const result = await browse({});
    expect(result.total).toBe(9);
    expect(result.books.map((b) => b.slug)).not.toContain("hidden-wordbook");
  });

  it("filters to the Spanish titles and sorts them by title", async () => {
    expect(await titles({ language: "es", sort: "title" })).toEqual(SPANISH_BY_TITLE);
  });

  it("pages through a small page size without overlap", async () => {
    const page1 = await browse({ language: "es", sort: "title", page_size: "2" });
    const page2 = await browse({ language: "es", sort: "title", page_size: "2", page: "2" });
    expect(page1.pageCount).toBe(2);
    expect([...page1.books, ...page2.books].map((b) => b.title)).toEqual(SPANISH_BY_TITLE);
    expect((await browse({ language: "es", page_size: "2", page: "3" })).books).toEqual([]);
  });

  it("sorts by price both ways, ties broken by id", async () => {
    const up = await browse({ sort: "price-asc" });
    const prices = up.books.map((b) => b.fromPrice!.amountMinor);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(up.books[0]!.title).toBe("The Incredible Adventures of Tap It Tad");
    const down = await browse({ sort: "price-desc" });
    expect(down.books[0]!.title).toBe("Mao, Stalin and the Korean War");
  });

  it("price sorts follow edition price and availability changes", async () => {
    const first = async () => (await browse({ sort: "price-asc" })).books[0]!.slug;
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { slug: "mao-stalin-and-the-korean-war" },
      include: { editions: true },
    });
    expect(await first()).not.toBe(book.slug);
    const cheap = await db.prisma.edition.create({
      data: { bookId: book.id, format: "ebook", priceMinor: 1 },
    });
    expect(await first()).toBe(book.slug);
    await db.prisma.edition.update({ where: { id: cheap.id }, data: { priceMinor: 100_000 } });
    expect(await first()).not.toBe(book.slug);
    expect((await browse({ sort: "price-desc" })).books[0]!.slug).toBe(book.slug);
    await db.prisma.edition.update({
      where: { id: cheap.id },
      data: { priceMinor: 1, availability: "discontinued" },
    });
    expect(await first()).not.toBe(book.slug);
    await db.prisma.edition.delete({ where: { id: cheap.id } });
    const stored = await db.prisma.book.findUniqueOrThrow({ where: { id: book.id } });
    expect(stored.minPriceMinor).toBe(Math.min(...book.editions.map((e) => e.priceMinor)));
  });

  it("filters by format, price range, category subtree and reading feature", async () => {
    expect((await browse({ format: "ebook" })).total).toBe(4);
    expect(await titles({ format: "paperback", max_price: "7", sort: "title" })).toEqual([
      "The Incredible Adventures of Tap It Tad",
    ]);
    expect((await browse({ category: "wordbooks" })).total).toBe(3);
    expect(await titles({ feature: ["text-to-speech", "screen-reader"] })).toEqual([
      "Mao, Stalin and the Korean War",
    ]);
    const childrens = await loadCategory(db.prisma, "childrens");
    expect((await browse({}, { categoryIds: childrens!.subtreeIds })).total).toBe(5);
  });

  it("counts each facet with the other filters applied but not its own", async () => {
    const facets = await loadBrowseFacets(db.prisma, parseBrowseParams({ language: "es" }).query);
    expect(facets.languages).toEqual([
      { value: "en", count: 9 },
      { value: "es", count: 3 },
    ]);
    expect(facets.formats).toEqual([{ value: "paperback", count: 3 }]);
    expect(facets.categories.find((c) => c.value === "wordbooks")).toMatchObject({
      count: 3,
      parentSlug: "childrens",
    });
    expect(facets.priceRange).toEqual({ minMinor: 999, maxMinor: 999 });
    const all = await loadBrowseFacets(db.prisma, parseBrowseParams({}).query);
    expect(all.formats).toEqual([
      { value: "ebook", count: 4 },
      { value: "paperback", count: 5 },
    ]);
    expect(all.features.map((f) => [f.value, f.count])).toEqual([
      ["text-to-speech", 1],
      ["screen-reader", 1],
      ["enhanced-typesetting", 1],
      ["word-wise", 1],
    ]);
    expect(all.ratings).toEqual([]);
  });

  it("filters and sorts by shopper ratings, not the listing's own figure", async () => {
    expect((await browse({ min_rating: "1" })).total).toBe(0);
    await db.prisma.book.update({
      where: { slug: "what-did-he-say" },
      data: { ratingCount: 2, ratingSum: 9, ratingAverage: 4.5 },
    });
    expect(await titles({ min_rating: "4" })).toEqual(["What Did He Say?"]);
    expect((await titles({ sort: "rating" }))[0]).toBe("What Did He Say?");
  });

  it("finds category, series and contributor pages with roles", async () => {
    const wordbooks = await loadCategory(db.prisma, "wordbooks");
    expect(wordbooks?.ancestors).toEqual([{ slug: "childrens", name: "Children's Books" }]);
    const series = await loadSeries(db.prisma, "cold-war-history");
    expect(series?.books.map((b) => b.slug)).toEqual(["mao-stalin-and-the-korean-war"]);
    const shen = await loadContributor(db.prisma, "shen-zihua");
    expect(shen?.books.map((b) => [b.book.slug, b.roles.map((r) => r.onixCode)])).toEqual([
      ["mao-stalin-and-the-korean-war", ["A38"]],
    ]);
    expect(await loadContributor(db.prisma, "nobody")).toBeNull();
  });

  it("gives the category tree with each shelf's visible books, subshelves counted once", async () => {
    const tree = await loadCategoryTree(db.prisma);
    const summary = tree.map((c) => [c.slug, c.bookCount, c.children.map((k) => [k.slug, k.bookCount])]);
    // The hidden wordbook counts nowhere; the three wordbooks are also children's books.
    expect(summary).toContainEqual([
      "childrens",
      5,
      [
        ["wordbooks", 3],
        ["phonics", 1],
      ],
    ]);
    expect(summary).toContainEqual([
      "history",
      1,
      [
        ["cold-war", 1],
        ["china", 1],
        ["korea", 1],
      ],
    ]);
    expect(tree.flatMap((c) => [c, ...c.children]).every((c) => c.bookCount > 0)).toBe(true);
  });

  it("ranks more-like-this by the main category first, and shows no unrelated shelves", async () => {
    const related = await loadRelatedBooks(db.prisma, "animales-wordbooks");
    const slugs = related.map((b) => b.slug);
    // The two other wordbooks (its main shelf) first, then other children's books.
    expect(slugs.slice(0, 2).sort()).toEqual([
      "a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras",
      "school-la-escuela-wordbooks-libros-de-palabras",
    ]);
    expect(slugs.slice(2).sort()).toEqual([
      "15-exciting-fun-facts-about-canada-for-curious-kids",
      "the-incredible-adventures-of-tap-it-tad",
    ]);
    expect(slugs).not.toContain("hidden-wordbook");
    expect(slugs).toHaveLength(RELATED_BOOKS);
    // Nothing else in the seed shares a series, a contributor or a shelf with the Korean War
    // history: no Spanish wordbooks fill the list.
    expect(await loadRelatedBooks(db.prisma, "mao-stalin-and-the-korean-war")).toEqual([]);
  });

  it("ranks more-like-this by series, then contributors, then categories", async () => {
    const korean = await db.prisma.book.findUniqueOrThrow({
      where: { slug: "mao-stalin-and-the-korean-war" },
      include: { contributors: true },
    });
    const make = (slug: string, data: Record<string, unknown>) =>
      db.prisma.book.create({
        data: {
          slug,
          title: slug,
          languages: ["en"],
          status: "published",
          publishedAt: new Date(),
          editions: { create: [{ format: "paperback", priceMinor: 1500 }] },
          ...data,
        },
      });
    await make("related-same-shelf", {
      categories: { create: [{ category: { connect: { slug: "cold-war" } } }] },
    });
    await make("related-same-author", {
      contributors: { create: [{ contributorId: korean.contributors[0]!.contributorId, role: "author" }] },
    });
    await make("related-same-series", { seriesId: korean.seriesId });
    await make("related-hidden-same-series", { seriesId: korean.seriesId, status: "hidden" });
    expect((await loadRelatedBooks(db.prisma, "mao-stalin-and-the-korean-war")).map((b) => b.slug)).toEqual([
      "related-same-series",
      "related-same-author",
      "related-same-shelf",
    ]);
    await db.prisma.book.deleteMany({ where: { slug: { startsWith: "related-" } } });
  });

  describe("a list longer than its sample", () => {
    const LONG = LIST_SAMPLE + 500;
    const EBOOK = `EXISTS (SELECT 1 FROM "Edition" e WHERE e."bookId" = b."id" AND e."format" = 'ebook' AND e."availability" <> 'discontinued')`;
    const exact = async (where: string) => {
      const [row] = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "Book" b WHERE b."status" = 'published' AND b."minPriceCents" IS NOT NULL AND ${where}`,
      );
      return row!.n;
    };
    const near = (estimate: number, count: number) => {
      expect(estimate).toBeGreaterThan(count * 0.85);
      expect(estimate).toBeLessThan(count * 1.15);
    };

    beforeAll(async () => {
      // A quarter Spanish, a third ebooks, half of them history books; a trigger keeps each
      // book's cheapest price and categories.
      await db.prisma.$executeRaw`
        INSERT INTO "Book" ("slug", "title", "languages", "status", "publishedAt", "updatedAt")
        SELECT 'long-list-' || g, 'Long List ' || g, CASE WHEN g % 4 = 0 THEN ARRAY['es'] ELSE ARRAY['en'] END,
               'published', timestamp '2020-01-01' + g * interval '1 hour', now()
          FROM generate_series(1, ${LONG}) g`;
      await db.prisma.$executeRaw`
        INSERT INTO "Edition" ("bookId", "format", "priceCents", "updatedAt")
        SELECT "id", CASE WHEN "id" % 3 = 0 THEN 'ebook' ELSE 'paperback' END::"EditionFormat", 500 + "id" % 1000, now()
          FROM "Book" WHERE "slug" LIKE 'long-list-%'`;
      await db.prisma.$executeRaw`
        INSERT INTO "BookCategory" ("bookId", "categoryId")
        SELECT b."id", c."id" FROM "Book" b, "Category" c
         WHERE b."slug" LIKE 'long-list-%' AND b."id" % 2 = 0 AND c."slug" = 'history'`;
    });

    it("shows an estimated total, and the same books in the same order as reading every book", async () => {
      const result = await browse({ page: "2" });
      expect(result.totalIsEstimate).toBe(true);
      near(result.total, await exact("true"));
      expect(result.pageCount).toBe(Math.ceil(result.total / 24));
      const ordered = await db.prisma.book.findMany({
        where: { status: "published", minPriceMinor: { not: null } },
        orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
        skip: 24,
        take: 24,
        select: { slug: true },
      });
      expect(result.books.map((b) => b.slug)).toEqual(ordered.map((b) => b.slug));
    });

    it("counts a filtered list exactly while it fits its sample", async () => {
      const spanish = await browse({ language: "es" });
      expect(spanish.totalIsEstimate).toBe(false);
      expect(spanish.total).toBe(await exact(`'es' = ANY (b."languages")`));
    });

    it("estimates each facet value from the sample, and says so", async () => {
      const facets = await loadBrowseFacets(db.prisma, parseBrowseParams({}).query);
      const ebooks = facets.formats.find((f) => f.value === "ebook")!;
      expect(ebooks.estimated).toBe(true);
      near(ebooks.count, await exact(EBOOK));
      const history = facets.categories.find((c) => c.value === "history")!;
      expect(history.estimated).toBe(true);
      near(
        history.count,
        await exact(`b."categoryIds" && ARRAY(SELECT "id" FROM "Category" WHERE "slug" = 'history')`),
      );
      // Narrowed to the Spanish books, every count is exact again.
      const spanish = await loadBrowseFacets(db.prisma, parseBrowseParams({ language: "es" }).query);
      expect(spanish.formats.find((f) => f.value === "ebook")).toEqual({
        value: "ebook",
        count: await exact(`${EBOOK} AND 'es' = ANY (b."languages")`),
      });
    });

    it("estimates a list narrowed by an edition filter as its share of the sample", async () => {
      const ebooks = await browse({ format: "ebook" });
      expect(ebooks.totalIsEstimate).toBe(true);
      near(ebooks.total, await exact(EBOOK));
    });

    it("knows the list's size exactly on its last page", async () => {
      const count = await exact("true");
      const last = await browse({ page: String(Math.ceil(count / 24)) });
      expect(last.books.length).toBeGreaterThan(0);
      expect(last).toMatchObject({ total: count, totalIsEstimate: false, pageCount: Math.ceil(count / 24) });
    });
  });
});
