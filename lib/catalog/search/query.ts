// The state of a search (/search, the suggest route, GET /api/v1/search) as URL parameters: the
// search text `q` plus every list parameter of parseBrowseParams, and "relevance" as the default
// sort. Pure: safe for pages, route handlers and client components alike.
import {
  browseSearchParams,
  parseBrowseParams,
  singleParam,
  SORT_LABELS,
  SORTS,
  type BrowseParamProblem,
  type BrowseQuery,
  type BrowseSort,
  type RawParams,
} from "../browse/query";

/** Longer texts are refused: they are never a shopper's query, and they cost the database. */
export const MAX_QUERY_LENGTH = 200;

/**
 * A search's result set is at most this many books: the first this many matches the indexes
 * return (plus the typo title matches), ranked or sorted among themselves. A common word matches
 * most of a large catalog; ordering or counting every match (each reads the book's vectors) made
 * such searches grow with the catalog, while a bounded window keeps every search's work bounded.
 * Below the cap the window holds every match: ranking, sorting and totals are exact.
 */
export const SEARCH_WINDOW = 1000;

export type SearchSort = "relevance" | BrowseSort;
export const SEARCH_SORTS: SearchSort[] = ["relevance", ...SORTS];
export const SEARCH_SORT_LABELS: Record<SearchSort, string> = { relevance: "Relevance", ...SORT_LABELS };

export interface SearchQuery extends Omit<BrowseQuery, "sort"> {
  q: string;
  sort: SearchSort;
}

export type SearchTextProblem = "empty" | "too_long";

export const SEARCH_TEXT_MESSAGES: Record<SearchTextProblem, string> = {
  empty: "Type a few words to search: a title, an author, a subject.",
  too_long: `That search is too long: use at most ${MAX_QUERY_LENGTH} characters.`,
};

/**
 * Trims and collapses whitespace (control characters count as whitespace: the database refuses
 * NUL in text); an empty or over-long text is a problem, not a query.
 */
export function checkSearchText(
  raw: string | string[] | undefined,
): { ok: true; q: string } | { ok: false; problem: SearchTextProblem } {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const q = (first ?? "").replace(/[\s\p{Cc}]+/gu, " ").trim();
  if (q === "") return { ok: false, problem: "empty" };
  if ([...q].length > MAX_QUERY_LENGTH) return { ok: false, problem: "too_long" };
  return { ok: true, q };
}

/**
 * Parses search parameters: `q` and the browse parameters (lenient for pages; with
 * `allowUnknown: false` unknown parameters are problems, as the API wants). `textProblem` is set
 * when `q` is empty or too long: show the message, run no search.
 */
export function parseSearchParams(
  raw: RawParams,
  { allowUnknown = true }: { allowUnknown?: boolean } = {},
): { query: SearchQuery; problems: BrowseParamProblem[]; textProblem: SearchTextProblem | null } {
  const { sort: _sort, q: _q, ...rest } = raw;
  const { query, problems } = parseBrowseParams(rest, { allowUnknown });
  const text = checkSearchText(singleParam(raw, "q", problems));
  // An unknown sort is reported and falls back to the browse default, as on /books.
  let sort: SearchSort = "relevance";
  const sortValue = singleParam(raw, "sort", problems);
  if (sortValue !== undefined) {
    if ((SEARCH_SORTS as string[]).includes(sortValue)) sort = sortValue as SearchSort;
    else {
      problems.push({ param: "sort", message: `sort must be one of ${SEARCH_SORTS.join(", ")}.` });
      sort = query.sort;
    }
  }
  return {
    query: { ...query, q: text.ok ? text.q : "", sort },
    problems,
    textProblem: text.ok ? null : text.problem,
  };
}

/** The search as URL parameters, `q` first, defaults left out. */
export function searchParamsOf(query: Partial<SearchQuery>): URLSearchParams {
  const { q, sort, ...rest } = query;
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  const browse = browseSearchParams({ ...rest, sort: sort === "relevance" || !sort ? "newest" : sort });
  for (const [key, value] of browse) params.append(key, value);
  return params;
}

/** A link to /search with `changes` applied; any filter change goes back to page 1. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery>): string {
  const filterChanged = Object.keys(changes).some((k) => k !== "page" && k !== "sort");
  const next = { ...query, ...changes, page: filterChanged ? 1 : (changes.page ?? query.page) };
  return `/search?${searchParamsOf(next).toString()}`;
}

/** The words of a text folded roughly as bookstore_fold does (lower case, accents removed). */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The text without its exclusions (`-word`, `-"a phrase"`): what typo detection looks at. */
export function positiveText(q: string): string {
  return q.replace(/(^|\s)-("[^"]*"?|\S+)/g, " ").trim();
}

/** `q` with each word whose fold is in `corrections` replaced; exclusions are left as typed. */
export function applyCorrections(q: string, corrections: ReadonlyMap<string, string>): string {
  let inQuote = false;
  let quoteExcluded = false;
  return q
    .split(/(\s+)/)
    .map((chunk) => {
      if (chunk.trim() === "") return chunk;
      const excluded = inQuote ? quoteExcluded : chunk.startsWith("-");
      if ((chunk.match(/"/g) ?? []).length % 2 === 1) {
        if (!inQuote) quoteExcluded = excluded;
        inQuote = !inQuote;
      }
      if (excluded) return chunk;
      return chunk.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(foldWord(word)) ?? word);
    })
    .join("");
}
