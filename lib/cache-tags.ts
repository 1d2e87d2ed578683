// The one place cache tags are named. Every cached read declares the tags below; every write
// invalidates exactly the tags it touches through the functions at the end of this file.
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

/**
 * After a shopper rating is published: the book's page and API documents, and every list (sorting
 * and the min-rating filter read the book's aggregates). Server actions use `updateTag` (the
 * next request waits for fresh data); route handlers cannot, and expire the tags at once instead.
 */
export function invalidateBookRatings(slug: string, from: "action" | "route"): void {
  for (const tag of [CACHE_TAGS.book(slug), CACHE_TAGS.bookLists]) {
    if (from === "action") updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
}
