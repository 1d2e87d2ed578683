// Editorial articles and the shop's own pages (/pages/<slug>): cached reads for the storefront and
// the staff editor's writes, which invalidate the page and the sitemap through lib/cache-tags.
import "server-only";
import { cache } from "react";
import { CACHE_TAGS, invalidate } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db";
import type { ListingActor } from "../listings/store";
import { cachedRead } from "../shared/cached-read";
import * as articles from "./queries";
import * as shopPages from "./shop-pages";

export type { ShopPageView } from "./shop-pages";

export const findPublishedArticle = cache((slug: string) =>
  cachedRead(["article", slug], [CACHE_TAGS.articles, CACHE_TAGS.article(slug), CACHE_TAGS.bookLists], (db) =>
    articles.loadPublishedArticle(db, slug),
  ),
);

export const listPublishedArticles = cache((take: number = 10) =>
  cachedRead(["articles", String(take)], [CACHE_TAGS.articles], (db) =>
    articles.loadPublishedArticles(db, { take }),
  ),
);

export const findPublishedShopPage = cache((slug: string) =>
  cachedRead(["shop-page", slug], [CACHE_TAGS.articles, CACHE_TAGS.article(slug)], (db) =>
    shopPages.loadPublishedShopPage(db, slug),
  ),
);

export async function getShopPages() {
  return shopPages.listShopPages(await getPrisma());
}

export async function getShopPageForEdit(slug: string) {
  return shopPages.findShopPage(await getPrisma(), slug);
}

/** Saves a shop page (validated, refused when stale, audited) and refreshes its cached copies. */
export async function saveShopPageAsStaff(actor: ListingActor, slug: string, input: unknown) {
  const page = await shopPages.saveShopPage(await getPrisma(), slug, input, actor);
  invalidate({ articles: [page.slug] });
  return page;
}
