// The catalog service as pages, the admin and the API use it: bound to the process database,
// reads cached in Next's data cache under the tags named in lib/cache-tags.
import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db";
import * as articles from "./articles";
import * as books from "./books";

export type * from "./types";
export { CatalogError } from "./errors";
export { formatMoney, toDecimalString } from "./money";
export { CONTRIBUTOR_ROLES, EDITION_FORMATS } from "./vocabulary";

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
