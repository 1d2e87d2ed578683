// Lists of books (/books, categories, series and contributor pages, the API's lists) as pages and
// the API read them: cached per normalised query under the list tags (lib/cache-tags).
import "server-only";
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { cachedRead } from "../shared/cached-read";
import * as browse from "./queries";
import type { BookScope, BrowseCursor } from "./queries";
import type { BrowseQuery } from "./query";

export * from "./query";
export { cursorFitsQuery } from "./queries";
export type { BookScope, BrowseCursor, BrowseFacets, BrowsePage, BrowseResult, FacetCount } from "./queries";

const LIST_TAGS = [CACHE_TAGS.bookLists, CACHE_TAGS.taxonomy];

export const browseBooks = cache((queryKey: string, scopeKey: string) => {
  const query = JSON.parse(queryKey) as BrowseQuery;
  const scope = JSON.parse(scopeKey) as BookScope;
  return cachedRead(["browse", queryKey, scopeKey], LIST_TAGS, (db) =>
    browse.loadBrowseBooks(db, query, scope),
  );
});

export const browseFacets = cache((queryKey: string, scopeKey: string) => {
  const query = JSON.parse(queryKey) as BrowseQuery;
  const scope = JSON.parse(scopeKey) as BookScope;
  return cachedRead(["facets", queryKey, scopeKey], LIST_TAGS, (db) =>
    browse.loadBrowseFacets(db, query, scope),
  );
});

/** Cache keys for a list: the query and scope serialised in a stable order. */
export function browseKeys(query: BrowseQuery, scope: BookScope = {}): [string, string] {
  const sortedQuery = Object.fromEntries(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
  const sortedScope = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
  return [JSON.stringify(sortedQuery), JSON.stringify(sortedScope)];
}

export const browseBooksAfter = cache((queryKey: string, cursorKey: string, limit: number) => {
  const query = JSON.parse(queryKey) as BrowseQuery;
  const cursor = JSON.parse(cursorKey) as BrowseCursor | null;
  return cachedRead(["browse:after", queryKey, cursorKey, String(limit)], LIST_TAGS, (db) =>
    browse.loadBrowseBooksAfter(db, query, { cursor, limit }),
  );
});
