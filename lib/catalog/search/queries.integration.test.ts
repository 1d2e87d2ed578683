import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { runMigration } from "@/test/migration-sql";
import type { RawParams } from "../browse/query";
import { createListing, saveListing } from "../listings/store";
import { refreshSearchVocabulary, loadSearchResult, loadSearchFacets, loadSuggestions } from "./queries";
import { parseSearchParams } from "./query";
import { seedCatalog } from "../seed/seed";
import { findBookRedirect } from "../books/slug-redirects";
import { readSeedCatalog } from "../seed/seed-file";
import { parseSnippet } from "./snippet";

const KOREAN_WAR = "Mao, Stalin and the Korean War";
const ANIMALES = "Animales Wordbooks";
const ESCUELA = "School / la Escuela (Wordbooks / Libros de Palabras)";
const COMIDA = "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)";

/** Top titles per probe, collected on each engine to compare them at the end. */
const topTitles: Record<string, Record<string, string[]>> = {};
const PROBES = [
  "korean war",
  "koren war",
  "wordbooks",
  "animales",
  "escuela",
  "fascinacion",
  "phonics",
  "canada",
];

describe.each(testEngines())("searching the catalog on %s", (engine) => {
  let db: TestDatabase;
  const search = (raw: RawParams) => {
    const { query, textProblem } = parseSearchParams(raw);
    if (textProblem) throw new Error(textProblem);
    return loadSearchResult(db.prisma, query);
  };
  const titles = async (q: string, raw: RawParams = {}) =>
    (await search({ q, ...raw })).hits.map((h) => h.book.title);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedCatalog(db.prisma, await readSeedCatalog());
    // Books that would match "korean war" and "animales" but shoppers must never see.
    for (const [slug, status] of [
      ["korean-war-draft", "draft"],
      ["korean-war-hidden", "hidden"],
    ] as const) {
      await db.prisma.book.create({
        data: {
          slug,
          status,
          title: "The Korean War Animales Secret Zyxwvut",
          languages: ["en", "es"],
          editions: { create: [{ format: "paperback", priceMinor: 100 }] },
        },
      });
    }
    await refreshSearchVocabulary(db.prisma);
  });
  afterAll(async () => db?.destroy());

  it("ranks the featured book first for a plain query, with a highlighted snippet", async () => {
    const result = await search({ q: "korean war" });
    expect(result.hits[0]?.book.title).toBe(KOREAN_WAR);
    expect(result.total).toBe(1);
    expect(result.suggestion).toBeNull();
    const marked = parseSnippet(result.hits[0]!.snippet).filter((p) => p.mark);
    expect(marked.map((p) => p.text.toLowerCase())).toContain("korean");
  });

  it("cuts snippets at whole words and marks each cut with an ellipsis", async () => {
    const text = async (q: string) =>
      parseSnippet((await search({ q })).hits[0]!.snippet)
        .map((p) => p.text)
        .join("");
    // The teaser's first words are kept, and its own "..." ends the snippet.
    expect(await text("amante")).toMatch(/^Si eres un amante de los animales .* majestuosos\.\.\.$/);
    const korean = await text("korean war");
    expect(korean).toMatch(/^…\S/);
    expect(korean).toContain("Chinese-language book");
    expect(korean).toMatch(/\S…$/);
    // No word is cut: every word of the snippet is a whole word of the description.
    const words = new Set((await readSeedCatalog()).featured.description.join(" ").split(/\s+/));
    expect(
      korean
        .replace(/…/g, " ")
        .split(/\s+/)
        .filter((w) => w && !words.has(w)),
    ).toEqual([]);
  });

  it("marks the matched words of a hit's title, and only the words looked for", async () => {
    const titleParts = async (q: string) => parseSnippet((await search({ q })).hits[0]!.markedTitle);
    const parts = await titleParts("korean wars");
    expect(parts.map((p) => p.text).join("")).toBe(KOREAN_WAR);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["Korean", "War"]);
    // The book has "Korean" but not the excluded phrase, so it matches; "Korean" is not marked.
    const excluding = await titleParts('stalin -"korean peninsula"');
    expect(excluding.filter((p) => p.mark).map((p) => p.text)).toEqual(["Stalin"]);
    // A corrected typo marks the corrected word; a Spanish title marks its stemmed word.
    expect((await titleParts("koren war")).filter((p) => p.mark).map((p) => p.text)).toEqual([
      "Korean",
      "War",
    ]);
    expect((await titleParts("animal")).filter((p) => p.mark).map((p) => p.text)).toEqual(["Animales"]);
  });

  it("marks the matched words of a hit's contributors' names, in the credits' order", async () => {
    const [hit] = (await search({ q: "balakrishna" })).hits;
    expect(hit!.book.title).toBe(KOREAN_WAR);
    expect(hit!.book.contributors.map((c) => c.name)).toEqual(["Sandeep Balakrishna", "Shen Zihua"]);
    const names = hit!.markedNames.map(parseSnippet);
    expect(names.map((parts) => parts.map((p) => p.text).join(""))).toEqual([
      "Sandeep Balakrishna",
      "Shen Zihua",
    ]);
    expect(names.map((parts) => parts.filter((p) => p.mark).map((p) => p.text))).toEqual([
      ["Balakrishna"],
      [],
    ]);
  });

  it("finds a book by its author, series and category", async () => {
    expect((await titles("balakrishna"))[0]).toBe(KOREAN_WAR);
    expect((await titles("cold war history"))[0]).toBe(KOREAN_WAR);
    expect(await titles("phonics")).toContain("The Incredible Adventures of Tap It Tad");
  });

  it("understands quoted phrases and exclusions", async () => {
    expect(await titles('"korean war"')).toEqual([KOREAN_WAR]);
    expect(await titles('"war korean"')).toEqual([]);
    expect(await titles("war -korean")).toEqual([]);
    expect(await titles("wordbooks -escuela")).not.toContain(ESCUELA);
    expect(await titles("wordbooks -escuela")).toContain(ANIMALES);
  });

  it("stems Spanish and folds accents", async () => {
    expect((await titles("animales"))[0]).toBe(ANIMALES);
    expect((await titles("animal"))[0]).toBe(ANIMALES);
    expect((await titles("escuela"))[0]).toBe(ESCUELA);
    expect((await titles("comida"))[0]).toBe(COMIDA);
    // The Animales teaser says "fascinación".
    expect(await titles("fascinación")).toEqual([ANIMALES]);
    expect(await titles("fascinacion")).toEqual([ANIMALES]);
    expect(await titles("FASCINACIÓN")).toEqual([ANIMALES]);
  });

  it("tolerates a typo and suggests the corrected text", async () => {
    const result = await search({ q: "koren war" });
    expect(result.hits[0]?.book.title).toBe(KOREAN_WAR);
    expect(result.suggestion).toBe("korean war");
    expect((await search({ q: "animles" })).hits[0]?.book.title).toBe(ANIMALES);
    expect((await search({ q: "Balakrisna" })).suggestion).toBe("balakrishna");
  });

  it("applies the list filters and counts facets over the matches", async () => {
    expect(await titles("wordbooks", { format: "ebook" })).toEqual([]);
    const spanish = await search({ q: "palabras", language: "es", sort: "title" });
    expect(spanish.hits.map((h) => h.book.title)).toEqual([COMIDA, ESCUELA, ANIMALES].sort());
    const { query } = parseSearchParams({ q: "wordbooks" });
    const facets = await loadSearchFacets(db.prisma, query);
    expect(facets.languages).toEqual(
      expect.arrayContaining([
        { value: "es", count: 3 },
        { value: "en", count: 3 },
      ]),
    );
    expect(facets.categories.find((c) => c.value === "wordbooks")?.count).toBe(3);
    expect(facets.categories.map((c) => c.value)).not.toContain("history");
    // Over a window, as the results are: a common word's facets cost the window, not the catalog.
    const windowed = await loadSearchFacets(db.prisma, query, 2);
    expect(windowed.categories.find((c) => c.value === "wordbooks")?.count).toBe(2);
    expect(windowed.languages.reduce((sum, l) => sum + l.count, 0)).toBeLessThanOrEqual(4);
    expect(windowed.formats.reduce((sum, f) => sum + f.count, 0)).toBeGreaterThan(0);
    // With a filter, its own facet still counts the other values; the rest count filtered books.
    const spanishFacets = await loadSearchFacets(
      db.prisma,
      parseSearchParams({ q: "wordbooks", language: "es" }).query,
    );
    expect(spanishFacets.languages).toEqual(
      expect.arrayContaining([
        { value: "es", count: 3 },
        { value: "en", count: 3 },
      ]),
    );
    expect(spanishFacets.categories.find((c) => c.value === "wordbooks")?.count).toBe(3);
    expect(spanishFacets.formats).toEqual([{ value: "paperback", count: 3 }]);
  });

  it("pages through results with the total", async () => {
    const page1 = await search({ q: "wordbooks", page_size: "2" });
    const page2 = await search({ q: "wordbooks", page_size: "2", page: "2" });
    expect(page1.total).toBe(3);
    expect(page1.pageCount).toBe(2);
    expect(page2.hits).toHaveLength(1);
    const all = [...page1.hits, ...page2.hits].map((h) => h.book.slug);
    expect(new Set(all).size).toBe(3);
  });

  it("bounds the result set to the search window, and the pages end there", async () => {
    const { query } = parseSearchParams({ q: "wordbooks", page_size: "1" });
    const first = await loadSearchResult(db.prisma, query, 2);
    expect(first).toMatchObject({ total: 2, totalIsCapped: true, pageCount: 2 });
    const second = await loadSearchResult(db.prisma, { ...query, page: 2 }, 2);
    const third = await loadSearchResult(db.prisma, { ...query, page: 3 }, 2);
    expect(third.hits).toEqual([]);
    expect(third.total).toBe(2);
    const slugs = [...first.hits, ...second.hits].map((h) => h.book.slug);
    expect(new Set(slugs).size).toBe(2);
    // The same text asked again gets the same window: paging never repeats a book.
    const again = await loadSearchResult(db.prisma, query, 2);
    expect(again.hits.map((h) => h.book.slug)).toEqual(first.hits.map((h) => h.book.slug));
    // A typo title match joins the window and ranks first, whichever matches fill the window.
    const { query: either } = parseSearchParams({ q: "phonics or animles" });
    const typo = await loadSearchResult(db.prisma, either, 1);
    expect(typo.hits[0]?.book.title).toBe(ANIMALES);
  });

  it("drops a book whose editions are all discontinued, and brings it back", async () => {
    const book = await db.prisma.book.findUniqueOrThrow({
      where: { slug: "mao-stalin-and-the-korean-war" },
      include: { editions: true },
    });
    const slugs = async () => (await search({ q: "korean war" })).hits.map((h) => h.book.slug);
    const restoreEditions = async () => {
      for (const edition of book.editions) {
        await db.prisma.edition.update({
          where: { id: edition.id },
          data: { availability: edition.availability },
        });
      }
    };
    await db.prisma.edition.updateMany({
      where: { bookId: book.id },
      data: { availability: "discontinued" },
    });
    expect(await slugs()).toEqual([]);
    await restoreEditions();
    expect(await slugs()).toEqual([book.slug]);
    const spare = await db.prisma.edition.create({
      data: { bookId: book.id, format: "audiobook", priceMinor: 999 },
    });
    await db.prisma.edition.updateMany({
      where: { bookId: book.id, id: { not: spare.id } },
      data: { availability: "discontinued" },
    });
    expect(await slugs()).toEqual([book.slug]);
    await db.prisma.edition.delete({ where: { id: spare.id } });
    expect(await slugs()).toEqual([]);
    await restoreEditions();
    expect(await slugs()).toEqual([book.slug]);
  });

  it("never shows draft or hidden books, nor suggests their words", async () => {
    for (const q of ["korean war", "secret", "animales", "zyxwvut", "koren war"]) {
      const slugs = (await search({ q })).hits.map((h) => h.book.slug);
      expect(slugs).not.toContain("korean-war-draft");
      expect(slugs).not.toContain("korean-war-hidden");
    }
    expect((await search({ q: "zyxwvu" })).suggestion).toBeNull();
    expect((await loadSuggestions(db.prisma, "zyxw")).map((s) => s.slug)).toEqual([]);
  });

  it("suggests titles for a partly typed text", async () => {
    const suggestions = await loadSuggestions(db.prisma, "korean wa");
    expect(suggestions[0]).toMatchObject({
      title: KOREAN_WAR,
      slug: "mao-stalin-and-the-korean-war",
      subtitle: "Trilateral Communist Relations in the 1950s",
      byline: "Sandeep Balakrishna",
      lang: null,
      fromPrice: { currency: "USD" },
    });
    expect(suggestions[0]!.categorySlugs[0]).toBe("history");
    expect((await loadSuggestions(db.prisma, "Mao, Sta")).map((s) => s.slug)).toEqual([
      "mao-stalin-and-the-korean-war",
    ]);
    expect(await loadSuggestions(db.prisma, "k")).toEqual([]);
  });

  it("corrects typos in suggestions as the full search does", async () => {
    expect((await loadSuggestions(db.prisma, "koren")).map((s) => s.slug)[0]).toBe(
      "mao-stalin-and-the-korean-war",
    );
    expect((await loadSuggestions(db.prisma, "balakrisna")).map((s) => s.slug)[0]).toBe(
      "mao-stalin-and-the-korean-war",
    );
    // Hidden and draft books are never suggested, typo or not.
    const slugs = (await loadSuggestions(db.prisma, "koren wa")).map((s) => s.slug);
    expect(slugs).not.toContain("korean-war-draft");
    expect(slugs).not.toContain("korean-war-hidden");
  });

  it("keeps the vocabulary to published books' words, exactly, through saves, hiding and deletes", async () => {
    const actor = { id: null, ip: null };
    const listing = (status: "published" | "hidden" | "draft", title = "Hyperlink Quetzalcoatl Stories") => ({
      title,
      slug: "hyperlink-stories",
      languages: "en",
      status,
      contributors: [],
      editions: [{ format: "paperback", price: "5.00" }],
    });
    const words = () =>
      db.prisma.$queryRaw<{ word: string; ndoc: number }[]>`SELECT * FROM "SearchWord" ORDER BY "word"`;
    const created = await createListing(db.prisma, listing("published"), { actor });
    expect((await search({ q: "quetzalcoatl" })).suggestion).toBeNull();
    expect((await search({ q: "hyperlnik" })).suggestion).toBe("hyperlink");

    const hidden = await saveListing(db.prisma, created.bookId, listing("hidden"), {
      actor,
      expectedVersion: created.version,
    });
    // A hidden book's words would lead to a "did you mean" with no results.
    expect((await search({ q: "hyperlnik" })).suggestion).toBeNull();
    expect((await words()).map((w) => w.word)).not.toContain("hyperlink");

    const again = await saveListing(db.prisma, created.bookId, listing("published", "Quetzalcoatl Stories"), {
      actor,
      expectedVersion: hidden.version,
    });
    expect((await search({ q: "quetzalcotl" })).suggestion).toBe("quetzalcoatl");
    expect((await words()).map((w) => w.word)).not.toContain("hyperlink");
    await saveListing(db.prisma, created.bookId, listing("draft", "Quetzalcoatl Stories"), {
      actor,
      expectedVersion: again.version,
    });
    expect((await search({ q: "quetzalcotl" })).suggestion).toBeNull();

    // Any write path, not only saves: raw updates and deletes keep it exact too.
    await db.prisma.book.update({ where: { id: created.bookId }, data: { status: "published" } });
    expect((await search({ q: "quetzalcotl" })).suggestion).toBe("quetzalcoatl");
    await db.prisma.book.delete({ where: { id: created.bookId } });
    expect((await search({ q: "quetzalcotl" })).suggestion).toBeNull();
    const maintained = await words();
    await refreshSearchVocabulary(db.prisma);
    expect(maintained).toEqual(await words());
  });

  it("records the top results for the cross-engine comparison", async () => {
    topTitles[engine] = {};
    for (const q of PROBES) topTitles[engine][q] = (await titles(q)).slice(0, 5);
  });

  it("a catalog from before the search migration gets its names and vocabulary back", async () => {
    const names = () =>
      db.prisma.$queryRaw<
        { id: number; contributorNames: string; categoryNames: string; seriesName: string }[]
      >`
        SELECT "id", "contributorNames", "categoryNames", "seriesName" FROM "Book" ORDER BY "id"`;
    const words = () =>
      db.prisma.$queryRaw<{ word: string; ndoc: number }[]>`SELECT * FROM "SearchWord" ORDER BY "word"`;
    await refreshSearchVocabulary(db.prisma); // forgets words earlier tests' books left behind
    const [namesBefore, wordsBefore] = [await names(), await words()];
    for (const column of ["contributorNames", "categoryNames", "seriesName"] as const)
      expect(namesBefore.some((book) => book[column] !== "")).toBe(true);
    // What a database that had books before migration 20261201090000_search held: empty names
    // (the migration added the columns but filled none) and no vocabulary.
    await db.prisma
      .$executeRaw`UPDATE "Book" SET "contributorNames" = '', "categoryNames" = '', "seriesName" = ''`;
    await db.prisma.$executeRaw`DELETE FROM "SearchWord"`;
    await runMigration(db.prisma, "20261204100000_search_names_backfill");
    expect(await names()).toEqual(namesBefore);
    expect(await words()).toEqual(wordsBefore);
    expect((await titles("balakrishna"))[0]).toBe(KOREAN_WAR);
    expect(await titles("phonics")).toContain("The Incredible Adventures of Tap It Tad");
  });

  it("a catalog seeded with the scraped wordbook titles gets them corrected, unless staff edited one", async () => {
    const scraped = {
      school: {
        title: "Schoolla Escuela Wordbookslibros De Palabras",
        slug: "schoolla-escuela-wordbookslibros-de-palabras",
      },
      food: {
        title: "A Delicious Journey through Foodla Comida Wordbookslibros De Palabras",
        slug: "a-delicious-journey-through-foodla-comida-wordbookslibros-de-palabras",
      },
    };
    const book = (slug: string) =>
      db.prisma.book.findFirstOrThrow({
        where: { OR: [{ slug }, { slugRedirects: { some: { fromSlug: slug } } }] },
      });
    const school = await book("school-la-escuela-wordbooks-libros-de-palabras");
    const food = await book("a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras");
    expect([school.title, food.title]).toEqual([ESCUELA, COMIDA]);
    // What the seed wrote before it was corrected (no redirects yet); then staff edit the School
    // book's title.
    await db.prisma.slugRedirect.deleteMany({
      where: { fromSlug: { in: [scraped.school.slug, scraped.food.slug] } },
    });
    await db.prisma.book.update({ where: { id: school.id }, data: { ...scraped.school } });
    const oldTeaser = food.teaser!.replace(
      "Food / la Comida (Wordbooks / Libros de Palabras)",
      "Foodla Comida Wordbookslibros De Palabras",
    );
    await db.prisma.book.update({
      where: { id: food.id },
      data: { ...scraped.food, teaser: oldTeaser, description: oldTeaser },
    });
    await db.prisma.book.update({ where: { id: school.id }, data: { title: "School Days" } });
    await refreshSearchVocabulary(db.prisma);

    await runMigration(db.prisma, "20261205100000_wordbook_titles");

    const fixed = await db.prisma.book.findUniqueOrThrow({ where: { id: food.id } });
    expect(fixed).toMatchObject({
      title: COMIDA,
      slug: "a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras",
      version: food.version + 1,
      teaser: food.teaser,
      description: food.teaser,
    });
    expect(await findBookRedirect(db.prisma, scraped.food.slug)).toBe(fixed.slug);
    // The edited title and its slug are the staff's.
    expect(await db.prisma.book.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({
      title: "School Days",
      slug: scraped.school.slug,
    });
    // Search forgot the run-together words and knows the corrected ones.
    const known = await db.prisma.searchWord.findMany({
      where: { word: { in: ["foodla", "wordbookslibros", "food", "comida"] } },
      orderBy: { word: "asc" },
    });
    expect(known.map((w) => w.word)).toEqual(["comida", "food"]);
    expect(await titles("food comida")).toContain(COMIDA);
    // The seed knows both books by their former slugs: it adds neither again.
    expect((await seedCatalog(db.prisma, await readSeedCatalog())).books).toBe(0);

    await db.prisma.book.update({
      where: { id: school.id },
      data: { title: ESCUELA, slug: "school-la-escuela-wordbooks-libros-de-palabras" },
    });
    await refreshSearchVocabulary(db.prisma);
  });
});

describe("both engines", () => {
  it("rank the probes identically", () => {
    const engines = Object.keys(topTitles);
    if (engines.length < 2) return;
    expect(topTitles[engines[1]!]).toEqual(topTitles[engines[0]!]);
  });
});
