// Books as pages, the admin and the API read them: bound to the process database, cached in
// Next's data cache under the tags named in lib/cache-tags. Listing writes live in
// lib/catalog/listings/service.ts.
import "server-only";
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db";
import * as sitemap from "@/lib/seo/sitemap";
import { cachedRead } from "../shared/cached-read";
import * as books from "./queries";
import * as slugRedirects from "./slug-redirects";

export const listPublishedBooks = cache((take: number = 24) =>
  cachedRead(["books:published", String(take)], [CACHE_TAGS.bookLists], (db) =>
    books.loadPublishedBooks(db, { take }),
  ),
);

export const findPublishedBook = cache((slug: string) =>
  cachedRead(["book", slug], [CACHE_TAGS.book(slug)], (db) => books.loadPublishedBook(db, slug)),
);

/** A book of any status, uncached: the staff preview (app/(storefront)/preview). */
export async function findBookForPreview(id: number) {
  return books.loadBookForPreview(await getPrisma(), id);
}

/** The current slug of the published book `slug` used to name (SlugRedirect), or null. */
export const findRenamedBookSlug = cache((slug: string) =>
  cachedRead(["book:renamed", slug], [CACHE_TAGS.book(slug)], (db) =>
    slugRedirects.findBookRedirect(db, slug),
  ),
);

export const listRelatedBooks = cache((slug: string) =>
  cachedRead(["book:related", slug], [CACHE_TAGS.bookLists, CACHE_TAGS.book(slug)], (db) =>
    books.loadRelatedBooks(db, slug),
  ),
);

export const sitemapData = cache((name: string) =>
  cachedRead(
    ["sitemap", name],
    [CACHE_TAGS.bookLists, CACHE_TAGS.taxonomy, CACHE_TAGS.articles],
    async (db) => {
      if (name === "index") return { count: await sitemap.countPublishedBooks(db), entries: [] };
      if (name === "pages.xml") return { count: 0, entries: await sitemap.pageSitemapEntries(db) };
      const n = /^books-(\d{1,4})\.xml$/.exec(name)?.[1];
      return { count: 0, entries: n ? await sitemap.bookSitemapEntries(db, Number(n)) : [] };
    },
  ).then((d) => ({
    count: d.count,
    entries: d.entries.map((e) => ({
      path: e.path,
      lastModified: e.lastModified ? new Date(e.lastModified) : null,
    })),
  })),
);
