// The catalog service as pages, the admin and the API use it: bound to the process database,
// reads cached in Next's data cache under the tags named in lib/cache-tags.
import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db/index";
import * as articles from "../articles/queries";
import * as books from "./queries";
import * as browse from "../browse/queries";
import type { BookScope } from "../browse/queries";
import type { BrowseQuery } from "../browse/query";
import * as ratings from "../ratings/summary";
import * as search from "../search/queries";
import * as shopPages from "../articles/shop-pages";
import * as slugRedirects from "./slug-redirects";
import type { SearchQuery } from "../search/query";
import * as taxonomy from "../taxonomy/queries";
import * as sitemap from "@/lib/seo/sitemap";

export type * from "../shared/types";
export { CatalogError } from "../shared/errors";
export { formatMoney, toDecimalString } from "../shared/money";
export { CONTRIBUTOR_ROLES, EDITION_FORMATS } from "../shared/vocabulary";
export type { BookScope, BrowseFacets, BrowseResult, FacetCount } from "../browse/queries";
export { SHOP_PAGE_LINKS } from "../articles/shop-page-text";
export type { ShopPageView } from "../articles/shop-pages";
export type { CategoryTreeNode, CategoryView, ContributorView, SeriesView } from "../taxonomy/queries";
export type { RatingDistribution } from "../ratings/summary";
export { ratingCursorSchema } from "../ratings/summary";
export { rateBookAsShopper } from "../ratings/shopper";
export { recomputeRatingAggregates, RATING_IP_LIMIT, type CreatedRating } from "../ratings/store";
export {
  parseRatingInput,
  ratingInputSchema,
  ratingValuesFromForm,
  RATING_LIMITS,
  type RatingField,
} from "../ratings/input";
export * from "../browse/query";
export * from "../search/query";
export type { SearchHit, SearchResult, SearchSuggestion } from "../search/queries";

/** Cached reads are dropped by tag on writes; the hour is only a backstop. */
const CACHE_SECONDS = 3600;

export const listPublishedBooks = cache((take: number = 24) =>
  unstable_cache(
    async () => books.listPublishedBooks(await getPrisma(), { take }),
    ["books:published", String(take)],
    {
      tags: [CACHE_TAGS.bookLists],
      revalidate: CACHE_SECONDS,
    },
  )(),
);

export const findPublishedBook = cache((slug: string) =>
  unstable_cache(async () => books.findPublishedBook(await getPrisma(), slug), ["book", slug], {
    tags: [CACHE_TAGS.book(slug)],
    revalidate: CACHE_SECONDS,
  })(),
);

/** A book of any status, uncached: the staff preview (app/(storefront)/preview). */
export async function findBookForPreview(id: number) {
  return books.findBookForPreview(await getPrisma(), id);
}

/** The current slug of the published book `slug` used to name (SlugRedirect), or null. */
export const findRenamedBookSlug = cache((slug: string) =>
  unstable_cache(
    async () => slugRedirects.findBookRedirect(await getPrisma(), slug),
    ["book:renamed", slug],
    { tags: [CACHE_TAGS.book(slug)], revalidate: CACHE_SECONDS },
  )(),
);

export const listRelatedBooks = cache((slug: string) =>
  unstable_cache(async () => books.listRelatedBooks(await getPrisma(), slug), ["book:related", slug], {
    tags: [CACHE_TAGS.bookLists, CACHE_TAGS.book(slug)],
    revalidate: CACHE_SECONDS,
  })(),
);

export const findPublishedArticle = cache((slug: string) =>
  unstable_cache(async () => articles.findPublishedArticle(await getPrisma(), slug), ["article", slug], {
    tags: [CACHE_TAGS.articles, CACHE_TAGS.article(slug), CACHE_TAGS.bookLists],
    revalidate: CACHE_SECONDS,
  })(),
);

export const findPublishedShopPage = cache((slug: string) =>
  unstable_cache(async () => shopPages.findPublishedShopPage(await getPrisma(), slug), ["shop-page", slug], {
    tags: [CACHE_TAGS.articles, CACHE_TAGS.article(slug)],
    revalidate: CACHE_SECONDS,
  })(),
);

export const listPublishedArticles = cache((take: number = 10) =>
  unstable_cache(
    async () => articles.listPublishedArticles(await getPrisma(), { take }),
    ["articles", String(take)],
    {
      tags: [CACHE_TAGS.articles],
      revalidate: CACHE_SECONDS,
    },
  )(),
);

export const browseBooks = cache((queryKey: string, scopeKey: string) => {
  const query = JSON.parse(queryKey) as BrowseQuery;
  const scope = JSON.parse(scopeKey) as BookScope;
  return unstable_cache(
    async () => browse.browseBooks(await getPrisma(), query, scope),
    ["browse", queryKey, scopeKey],
    {
      tags: [CACHE_TAGS.bookLists, CACHE_TAGS.taxonomy],
      revalidate: CACHE_SECONDS,
    },
  )();
});

export const browseFacets = cache((queryKey: string, scopeKey: string) => {
  const query = JSON.parse(queryKey) as BrowseQuery;
  const scope = JSON.parse(scopeKey) as BookScope;
  return unstable_cache(
    async () => browse.browseFacets(await getPrisma(), query, scope),
    ["facets", queryKey, scopeKey],
    {
      tags: [CACHE_TAGS.bookLists, CACHE_TAGS.taxonomy],
      revalidate: CACHE_SECONDS,
    },
  )();
});

/** Cache keys for a list: the query and scope serialised in a stable order. */
export function browseKeys(query: BrowseQuery, scope: BookScope = {}): [string, string] {
  const sortedQuery = Object.fromEntries(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
  const sortedScope = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
  return [JSON.stringify(sortedQuery), JSON.stringify(sortedScope)];
}

export const findCategory = cache((slug: string) =>
  unstable_cache(async () => taxonomy.findCategory(await getPrisma(), slug), ["category", slug], {
    tags: [CACHE_TAGS.taxonomy],
    revalidate: CACHE_SECONDS,
  })(),
);

export const listCategories = cache(() =>
  unstable_cache(async () => taxonomy.listCategories(await getPrisma()), ["categories"], {
    tags: [CACHE_TAGS.taxonomy, CACHE_TAGS.bookLists],
    revalidate: CACHE_SECONDS,
  })(),
);

export const categoryTree = cache(() =>
  unstable_cache(async () => taxonomy.categoryTree(await getPrisma()), ["categories:tree"], {
    tags: [CACHE_TAGS.taxonomy, CACHE_TAGS.bookLists],
    revalidate: CACHE_SECONDS,
  })(),
);

export const findSeries = cache((slug: string) =>
  unstable_cache(async () => taxonomy.findSeries(await getPrisma(), slug), ["series", slug], {
    tags: [CACHE_TAGS.taxonomy, CACHE_TAGS.bookLists],
    revalidate: CACHE_SECONDS,
  })(),
);

export const findContributor = cache((slug: string) =>
  unstable_cache(async () => taxonomy.findContributor(await getPrisma(), slug), ["contributor", slug], {
    tags: [CACHE_TAGS.taxonomy, CACHE_TAGS.bookLists],
    revalidate: CACHE_SECONDS,
  })(),
);

export const ratingDistribution = cache((bookId: number, slug: string) =>
  unstable_cache(
    async () => ratings.ratingDistribution(await getPrisma(), bookId),
    ["ratings", String(bookId)],
    {
      tags: [CACHE_TAGS.book(slug)],
      revalidate: CACHE_SECONDS,
    },
  )(),
);

export const browseBooksAfter = cache((queryKey: string, cursorKey: string, limit: number) => {
  const query = JSON.parse(queryKey) as BrowseQuery;
  const cursor = JSON.parse(cursorKey) as browse.BrowseCursor | null;
  return unstable_cache(
    async () => browse.browseBooksAfter(await getPrisma(), query, { cursor, limit }),
    ["browse:after", queryKey, cursorKey, String(limit)],
    { tags: [CACHE_TAGS.bookLists, CACHE_TAGS.taxonomy], revalidate: CACHE_SECONDS },
  )();
});

export const listPublishedRatings = cache((bookId: number, slug: string, afterKey: string, limit: number) => {
  const after = JSON.parse(afterKey) as { createdAt: string; id: number } | null;
  return unstable_cache(
    async () => ratings.listPublishedRatings(await getPrisma(), bookId, { after, limit }),
    ["ratings:list", String(bookId), afterKey, String(limit)],
    { tags: [CACHE_TAGS.book(slug)], revalidate: CACHE_SECONDS },
  )();
});

export { cursorFitsQuery } from "../browse/queries";
export type { BrowseCursor, BrowsePage } from "../browse/queries";
export type { RatingView } from "../ratings/summary";

// Search reads are not cached: the texts are unbounded, and the queries are indexed (docs/search.md).

/**
 * Published books matching a search, with its total, "did you mean" and snippets. It analyses the
 * text in its own first query (one round trip for a correctly spelled text) rather than waiting
 * for the facets' plan.
 */
export const searchBooks = cache(async (query: SearchQuery) => search.searchBooks(await getPrisma(), query));

/** The S1 facets over the books a search matches (their own typo analysis, in parallel). */
export const searchFacets = cache(async (query: SearchQuery) =>
  search.searchFacets(await getPrisma(), query),
);

/** Autocomplete: up to 8 published titles for a partly typed text. */
export const suggestBooks = cache(async (text: string) => search.suggestBooks(await getPrisma(), text));

export const sitemapData = cache((name: string) =>
  unstable_cache(
    async () => {
      const db = await getPrisma();
      if (name === "index") return { count: await sitemap.countPublishedBooks(db), entries: [] };
      if (name === "pages.xml") return { count: 0, entries: await sitemap.pageSitemapEntries(db) };
      const n = /^books-(\d{1,4})\.xml$/.exec(name)?.[1];
      return { count: 0, entries: n ? await sitemap.bookSitemapEntries(db, Number(n)) : [] };
    },
    ["sitemap", name],
    { tags: [CACHE_TAGS.bookLists, CACHE_TAGS.taxonomy, CACHE_TAGS.articles], revalidate: CACHE_SECONDS },
  )().then((d) => ({
    count: d.count,
    entries: d.entries.map((e) => ({
      path: e.path,
      lastModified: e.lastModified ? new Date(e.lastModified) : null,
    })),
  })),
);
