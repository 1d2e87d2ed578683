// The one place cache tags are named. Every cached read declares the tags below; every write
// invalidates exactly the tags it touches through the functions at the end of this file. With
// several instances (REDIS_URL), Next passes each invalidation to lib/cache/redis-cache-handler.mjs,
// which stores it for all instances and then purges the tags at the edge (docs/deploy.md).
import { revalidateTag, updateTag } from "next/cache";

export const CACHE_TAGS = {
  /** Any list of books: home, /books, categories, series, contributors, search, sitemap, API lists. */
  bookLists: "books",
  /** One book's own pages and API documents, by slug (old slugs are invalidated on a slug change). */
  book: (slug: string) => `book:${slug}`,
  /** Categories, series and contributors: their names, tree and pages. */
  taxonomy: "taxonomy",
  /** Editorial articles, lists and pages. */
  articles: "articles",
  article: (slug: string) => `article:${slug}`,
} as const;

/** What a listing write touched: its slugs (old and new on a rename) and whether taxonomy changed. */
export interface BookChange {
  slugs: (string | null | undefined)[];
  /** A series, contributor or category was created or renamed. */
  taxonomy?: boolean;
}

/** The tags a listing write invalidates: the book under every slug it had, every list, maybe taxonomy. */
export function bookChangeTags(change: BookChange): string[] {
  const slugs = [...new Set(change.slugs.filter((s): s is string => !!s))];
  return [
    ...slugs.map((slug) => CACHE_TAGS.book(slug)),
    CACHE_TAGS.bookLists,
    ...(change.taxonomy ? [CACHE_TAGS.taxonomy] : []),
  ];
}

/**
 * Server actions: the next request (this one's redirect included) reads fresh data. updateTag
 * throws outside server actions; route handlers use bookChangedFromRoute.
 */
export function bookChanged(change: BookChange): void {
  for (const tag of bookChangeTags(change)) updateTag(tag);
}

/**
 * Route handlers (the write API): expire the tags now. Never revalidateTag(tag, "max") for edits:
 * it serves the old value to the next requests (docs/architecture.md, Caching).
 */
export function bookChangedFromRoute(change: BookChange): void {
  for (const tag of bookChangeTags(change)) revalidateTag(tag, { expire: 0 });
}

/**
 * After a shopper rating is published: the book's page and API documents, and every list (sorting
 * and the min-rating filter read the book's aggregates). Server actions use `updateTag` (the
 * next request waits for fresh data); route handlers cannot, and expire the tags at once instead.
 */
export function invalidateBookRatings(slug: string, from: "action" | "route"): void {
  if (from === "action") bookChanged({ slugs: [slug] });
  else bookChangedFromRoute({ slugs: [slug] });
}

/** After staff save a shop page (server action): the page, and the sitemap that lists it. */
export function shopPageChanged(slug: string): void {
  updateTag(CACHE_TAGS.article(slug));
  updateTag(CACHE_TAGS.articles);
}
