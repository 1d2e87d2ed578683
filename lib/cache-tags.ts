// The one place cache tags are named. Every cached read declares the tags below; every write
// invalidates exactly the tags it touches through the functions at the end of this file.

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
