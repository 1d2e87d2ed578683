// Search as pages and the API use it. Its reads are not cached: the texts are unbounded, and the
// queries are indexed (docs/search.md). The SQL functions it calls live in the database.
import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { timeSearch } from "@/lib/metrics/registry.mjs";
import * as search from "./queries";
import type { SearchQuery } from "./query";

export * from "./query";
export type { SearchHit, SearchResult, SearchSuggestion } from "./queries";
export { parseSnippet, SNIPPET_START, SNIPPET_STOP } from "./snippet";

/**
 * Published books matching a search, with its total, "did you mean" and snippets. It analyses the
 * text in its own first query (one round trip for a correctly spelled text) rather than waiting
 * for the facets' plan.
 */
export const searchBooks = cache(async (query: SearchQuery) =>
  timeSearch("results", async () => search.loadSearchResult(await getPrisma(), query)),
);

/** The S1 facets over the books a search matches (their own typo analysis, in parallel). */
export const searchFacets = cache(async (query: SearchQuery) =>
  timeSearch("facets", async () => search.loadSearchFacets(await getPrisma(), query)),
);

/** Autocomplete: up to 8 published titles for a partly typed text. */
export const suggestBooks = cache(async (text: string) =>
  timeSearch("suggest", async () => search.loadSuggestions(await getPrisma(), text)),
);
