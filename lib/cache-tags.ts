// The one place cache tags are named and the one function that invalidates them. Every cached read
// declares the tags below; every write reports what it changed through `invalidate`, from the
// domain service that made the write (lib/catalog/*/service.ts), whatever called the service. With
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

/** What a write changed, in the catalog's terms; `changeTags` turns it into the tags to drop. */
export interface CatalogChange {
  /**
   * Books whose listing, cover or published ratings changed, by every slug they had (old and new
   * on a rename). A book's change also changes every list: lists show, filter and sort by it.
   */
  slugs?: (string | null | undefined)[];
  /** A series, contributor or category was created or renamed. */
  taxonomy?: boolean;
  /** Articles or shop pages saved, by slug (their lists and the sitemap with them). */
  articles?: string[];
}

/** The tags a change invalidates, each once. */
export function changeTags(change: CatalogChange): string[] {
  const slugs = [...new Set((change.slugs ?? []).filter((s): s is string => !!s))];
  const articles = [...new Set(change.articles ?? [])];
  return [
    ...slugs.map((slug) => CACHE_TAGS.book(slug)),
    ...(slugs.length ? [CACHE_TAGS.bookLists] : []),
    ...(change.taxonomy ? [CACHE_TAGS.taxonomy] : []),
    ...articles.map((slug) => CACHE_TAGS.article(slug)),
    ...(articles.length ? [CACHE_TAGS.articles] : []),
  ];
}

/**
 * Drops the cached reads a write made stale, so that the next request (a server action's own
 * redirect included) reads fresh data. Callable from server actions, route handlers and `after()`
 * alike: `updateTag` is what server actions use, and it throws anywhere else, where
 * `revalidateTag(tag, { expire: 0 })` expires the tag at once. Never `revalidateTag(tag, "max")`
 * for edits: it serves the old value to the next requests (docs/architecture.md, Caching).
 */
export function invalidate(change: CatalogChange): void {
  for (const tag of changeTags(change)) {
    try {
      updateTag(tag);
    } catch {
      revalidateTag(tag, { expire: 0 });
    }
  }
}
