// Every write a catalog service offers, run once against a real database, and what it reported to
// the one invalidation seam (lib/cache-tags `invalidate`). A service function that is neither a
// listed write nor a listed read fails the last test: a new write must be added here, with what
// it invalidates.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as CacheTags from "@/lib/cache-tags";
import type { CatalogChange } from "@/lib/cache-tags";
import { createTestDatabase, type TestDatabase } from "@/test/databases";
import * as articles from "./articles/service";
import * as books from "./books/service";
import * as browse from "./browse/service";
import * as exchange from "./exchange/service";
import * as listings from "./listings/service";
import * as ratings from "./ratings/service";
import * as search from "./search/service";
import * as taxonomy from "./taxonomy/service";
import * as covers from "@/lib/covers";

const state = vi.hoisted(() => ({
  calls: [] as CatalogChange[],
  db: null as TestDatabase | null,
  cookies: new Map<string, string>(),
}));

vi.mock("@/lib/cache-tags", async (original) => ({
  ...(await original<typeof CacheTags>()),
  invalidate: (change: CatalogChange) => state.calls.push(change),
}));
// The services' process database is this test's.
vi.mock("@/lib/db", () => ({
  getPrisma: () => Promise.resolve(state.db!.prisma),
  getDatabase: () => Promise.resolve(state.db!),
}));
// The shopper's cookie jar and the request's client address, as a request would carry them.
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name) } : undefined),
      set: (name: string, value: string) => state.cookies.set(name, value),
    }),
  headers: () => Promise.resolve(new Headers({ "x-client-ip": "198.51.100.7" })),
}));

const WRITES = {
  listings: [
    "createListingAsStaff",
    "saveListingAsStaff",
    "restoreRevisionAsStaff",
    "createListingFromApi",
    "patchListingFromApi",
    "hideListingFromApi",
    "addEditionFromApi",
    "patchEditionFromApi",
    "removeEditionFromApi",
  ],
  ratings: ["rateBookAsShopper", "moderateRatingAsStaff"],
  articles: ["saveShopPageAsStaff"],
  // An upload, its dry run and its claim change no listing; only the apply does.
  exchange: ["startCsvImport", "validateCsvImport", "confirmCsvImport", "applyCsvImport"],
  covers: ["uploadCover", "deleteCover"],
} as const;

/** Functions that only read (or are pure helpers and error classes): no invalidation expected. */
const NOT_WRITES: Record<string, string[]> = {
  listings: ["getAdminBooks", "getListingForEdit", "getListingOptions", "getRevisions", "StaleVersionError"],
  ratings: [
    "ratingValuesFromForm",
    "summarizeRatings",
    "ratingDistribution",
    "listPublishedRatings",
    "getRatingsForModeration",
  ],
  articles: [
    "findPublishedArticle",
    "listPublishedArticles",
    "findPublishedShopPage",
    "getShopPages",
    "getShopPageForEdit",
  ],
  exchange: [
    "getCsvImport",
    "listCsvImports",
    "catalogDatabaseKind",
    "listingsCsvStream",
    "getOnixExportStream",
  ],
  covers: ["getCoverDetails", "getCoverImage", "getUnpublishedCover"],
  books: [
    "listPublishedBooks",
    "findPublishedBook",
    "findBookForPreview",
    "findRenamedBookSlug",
    "listRelatedBooks",
    "sitemapData",
  ],
  browse: [
    "cursorFitsQuery",
    "browseBooks",
    "browseFacets",
    "browseKeys",
    "browseBooksAfter",
    "estimateListSize",
    "countText",
    "singleParam",
    "parseBrowseParams",
    "browseSearchParams",
    "browseHref",
    "listKey",
    "parseListKey",
  ],
  taxonomy: ["findCategory", "listCategories", "categoryTree", "findSeries", "findContributor"],
  search: [
    "parseSnippet",
    "searchBooks",
    "searchFacets",
    "suggestBooks",
    "checkSearchText",
    "parseSearchParams",
    "searchParamsOf",
    "searchHref",
    "foldWord",
    "positiveText",
    "applyCorrections",
  ],
};

const SERVICES: Record<string, Record<string, unknown>> = {
  listings,
  ratings,
  articles,
  exchange,
  covers,
  books,
  browse,
  taxonomy,
  search,
};

function listing(title: string) {
  return {
    title,
    languages: "en",
    status: "published",
    contributors: [{ name: "Ada Writer", role: "author" }],
    editions: [{ format: "paperback", price: "12.50" }],
  };
}

async function picture(): Promise<Uint8Array> {
  const image = sharp({ create: { width: 600, height: 900, channels: 3, background: "#8a2c1d" } });
  return new Uint8Array(await image.jpeg().toBuffer());
}

describe("every catalog write invalidates through lib/cache-tags", () => {
  let actor: { id: number; ip: string };
  let seamTwoId = 0;
  const seen = new Map<string, CatalogChange[]>();

  /** Runs one write and returns the changes it reported to the seam. */
  async function write(name: string, run: () => Promise<unknown>): Promise<CatalogChange[]> {
    state.calls.length = 0;
    await run();
    const calls = [...state.calls];
    seen.set(name, calls);
    return calls;
  }
  const slugsOf = (calls: CatalogChange[]) => calls.flatMap((c) => c.slugs ?? []).filter(Boolean);

  beforeAll(async () => {
    state.db = await createTestDatabase("pglite");
    const user = await state.db.prisma.adminUser.create({
      data: { email: "ed@example.test", name: "Ed Itor", passwordHash: "x", role: "editor" },
    });
    actor = { id: user.id, ip: "127.0.0.1" };
  });
  afterAll(async () => state.db?.destroy());

  it("listing writes from the admin and the API name the book under each slug it had", async () => {
    let bookId = 0;
    const created = await write("createListingAsStaff", async () => {
      bookId = (await listings.createListingAsStaff(actor, listing("Seam One"))).bookId;
    });
    expect(slugsOf(created)).toEqual(["seam-one"]);
    expect(created[0]?.taxonomy).toBe(true);
    const renamed = await write("saveListingAsStaff", () =>
      listings.saveListingAsStaff(actor, bookId, { ...listing("Seam One"), slug: "seam-one-renamed" }, 1),
    );
    expect(slugsOf(renamed)).toEqual(["seam-one", "seam-one-renamed"]);
    const first = (await listings.getRevisions(bookId)).at(-1)!;
    const restored = await write("restoreRevisionAsStaff", () =>
      listings.restoreRevisionAsStaff(actor, bookId, first.id, 2),
    );
    expect(slugsOf(restored)).toEqual(["seam-one-renamed", "seam-one"]);
    await listings.createListingAsStaff(actor, listing("Seam Two"));

    const api = { actor, expectedVersion: null };
    const db = state.db!.prisma;
    expect(
      slugsOf(
        await write("createListingFromApi", () =>
          listings.createListingFromApi(db, listing("Seam Api"), api),
        ),
      ),
    ).toEqual(["seam-api"]);
    expect(
      slugsOf(
        await write("patchListingFromApi", () =>
          listings.patchListingFromApi(db, "seam-api", { subtitle: "Patched" }, api),
        ),
      ),
    ).toEqual(["seam-api", "seam-api"]);
    let editionId = 0;
    expect(
      slugsOf(
        await write("addEditionFromApi", async () => {
          const added = await listings.addEditionFromApi(
            db,
            "seam-api",
            { format: "ebook", price: "5.00" },
            api,
          );
          editionId = added.editionId;
        }),
      ),
    ).toEqual(["seam-api", "seam-api"]);
    expect(
      slugsOf(
        await write("patchEditionFromApi", () =>
          listings.patchEditionFromApi(db, "seam-api", editionId, { price: "6.00" }, api),
        ),
      ),
    ).toEqual(["seam-api", "seam-api"]);
    expect(
      slugsOf(
        await write("removeEditionFromApi", () =>
          listings.removeEditionFromApi(db, "seam-api", editionId, api),
        ),
      ),
    ).toEqual(["seam-api", "seam-api"]);
    expect(
      slugsOf(await write("hideListingFromApi", () => listings.hideListingFromApi(db, "seam-api", api))),
    ).toEqual(["seam-api", "seam-api"]);
  });

  it("a published rating and its moderation name the book", async () => {
    const rated = await write("rateBookAsShopper", () => ratings.rateBookAsShopper("seam-two", { stars: 4 }));
    expect(slugsOf(rated)).toEqual(["seam-two"]);
    const rating = await state.db!.prisma.rating.findFirstOrThrow({ where: { book: { slug: "seam-two" } } });
    expect(
      slugsOf(
        await write("moderateRatingAsStaff", () => ratings.moderateRatingAsStaff(actor, rating.id, "reject")),
      ),
    ).toEqual(["seam-two"]);
  });

  it("a shop page save names the page", async () => {
    const page = await state.db!.prisma.article.create({
      data: {
        slug: "seam-page",
        kind: "page",
        status: "published",
        title: "Seam page",
        blocks: [],
        publishedAt: new Date(),
      },
    });
    const calls = await write("saveShopPageAsStaff", () =>
      articles.saveShopPageAsStaff(actor, page.slug, {
        title: "Seam page",
        excerpt: "Saved",
        body: "Saved text.",
        updatedAt: page.updatedAt.toISOString(),
      }),
    );
    expect(calls.flatMap((c) => c.articles ?? [])).toEqual(["seam-page"]);
  });

  it("a CSV import invalidates when it is applied, naming every book it changed", async () => {
    const csv = await new Response(await exchange.listingsCsvStream()).text();
    const edited = csv.replace("Seam Two", "Seam Two Imported");
    expect(edited).not.toBe(csv);
    let id = 0;
    expect(
      await write("startCsvImport", async () => {
        const started = await exchange.startCsvImport(actor.id, {
          name: "seam.csv",
          bytes: new TextEncoder().encode(edited),
        });
        if (!started.ok) throw new Error(JSON.stringify(started.problem));
        id = started.id;
      }),
    ).toEqual([]);
    expect(await write("validateCsvImport", () => exchange.validateCsvImport(id))).toEqual([]);
    expect(await write("confirmCsvImport", () => exchange.confirmCsvImport(id, actor.id))).toEqual([]);
    expect(slugsOf(await write("applyCsvImport", () => exchange.applyCsvImport(id, actor)))).toContain(
      "seam-two",
    );
    seamTwoId = (await state.db!.prisma.book.findUniqueOrThrow({ where: { slug: "seam-two" } })).id;
  });

  it("a cover upload and removal name the book", async () => {
    const book = await state.db!.prisma.book.findUniqueOrThrow({ where: { id: seamTwoId } });
    const bytes = await picture();
    expect(slugsOf(await write("uploadCover", () => covers.uploadCover(book.id, bytes, actor)))).toEqual([
      book.slug,
    ]);
    expect(slugsOf(await write("deleteCover", () => covers.deleteCover(book.id, actor)))).toEqual([
      book.slug,
    ]);
  });

  it("lists every function of every service as a write (run above) or a read", () => {
    expect(Object.values(WRITES).flatMap((names) => names.filter((name) => !seen.has(name)))).toEqual([]);
    const unlisted = Object.entries(SERVICES).flatMap(([service, exports]) =>
      Object.entries(exports)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name)
        .filter(
          (name) =>
            !(WRITES[service as keyof typeof WRITES] as readonly string[] | undefined)?.includes(name) &&
            !NOT_WRITES[service]?.includes(name),
        )
        .map((name) => `${service}.${name}`),
    );
    expect(unlisted).toEqual([]);
  });
});
