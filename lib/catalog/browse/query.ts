// The state of a catalog list (/books, category pages, GET /api/v1/books) as URL parameters:
// parsed leniently for pages (bad values are dropped and reported, never a crash) and strictly
// for the API (the same problems become a 400), and written back in one canonical order.
import type { EditionFormat } from "@/lib/generated/prisma/enums";
import { parseMoney, toDecimalString } from "../shared/money";
import { isValidSlug } from "../shared/slug";

export const SORTS = ["newest", "price-asc", "price-desc", "rating", "title"] as const;
export type BrowseSort = (typeof SORTS)[number];

export const SORT_LABELS: Record<BrowseSort, string> = {
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  rating: "Customer rating",
  title: "Title A–Z",
};

export const FORMATS: EditionFormat[] = ["ebook", "paperback", "hardcover", "audiobook"];

/** Ebook reading features a shopper can require. */
export const READING_FEATURES = [
  "text-to-speech",
  "screen-reader",
  "enhanced-typesetting",
  "word-wise",
] as const;
export type ReadingFeature = (typeof READING_FEATURES)[number];

export const READING_FEATURE_LABELS: Record<ReadingFeature, string> = {
  "text-to-speech": "Text-to-Speech",
  "screen-reader": "Screen reader support",
  "enhanced-typesetting": "Enhanced typesetting",
  "word-wise": "Word Wise",
};

export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 1000;
/**
 * A list's total and facet counts look at this many of its books at most: the first ones in a
 * fixed pseudo-random order (a hash of the id). A list of at most this many books is counted
 * exactly; a longer one is estimated from the sample (`estimateListSize`), so that counting costs
 * the same at 10k books as at 100k (docs/search.md, "Lists").
 */
export const LIST_SAMPLE = 1000;
const CURRENCY = "USD";

export interface BrowseQuery {
  category?: string;
  language?: string;
  format?: EditionFormat;
  features: ReadingFeature[];
  minPriceMinor?: number;
  maxPriceMinor?: number;
  minRating?: number;
  sort: BrowseSort;
  page: number;
  pageSize: number;
}

/**
 * The size of a list from its sample: `sampled` books read in hash order (at most
 * LIST_SAMPLE + 1), the largest of their hashes (a signed 32-bit `hashint4`), and how many of them
 * are in the list (`matching`; the sample may be of a wider set, with the edition filters checked
 * after). When the sample holds the whole set the count is exact; otherwise the k-th smallest of n
 * uniform hashes sits near k/n of the way through their range, so the set has about
 * (k − 1) / U(k) books (the "k minimum values" estimate, about 3 % standard error at k = 1,001),
 * and the list the matching share of them.
 */
export function estimateListSize(
  sampled: number,
  maxHash: number | null,
  matching = sampled,
): { size: number; estimated: boolean } {
  if (sampled <= LIST_SAMPLE || maxHash === null) return { size: matching, estimated: false };
  const position = (maxHash + 2 ** 31 + 1) / 2 ** 32;
  const setSize = Math.max(sampled, (sampled - 1) / position);
  return { size: Math.max(matching, Math.round((setSize * matching) / sampled)), estimated: true };
}

/** A count as shoppers read it: an estimate to two significant digits (97,727 → "98,000"). */
export function countText(count: number, estimated = false): string {
  const shown = estimated && count >= 100 ? Number(count.toPrecision(2)) : count;
  return shown.toLocaleString("en-US");
}

export interface BrowseParamProblem {
  param: string;
  message: string;
}

export type RawParams = Record<string, string | string[] | undefined>;

const KNOWN = new Set([
  "category",
  "language",
  "format",
  "feature",
  "min_price",
  "max_price",
  "min_rating",
  "sort",
  "page",
  "page_size",
]);

function values(raw: RawParams, key: string): string[] {
  const v = raw[key];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== "");
}

/** The parameter's one value (trimmed, blanks ignored); a second value is a problem. */
export function singleParam(raw: RawParams, key: string, problems: BrowseParamProblem[]): string | undefined {
  const all = values(raw, key);
  if (all.length > 1) problems.push({ param: key, message: `${key} may be given once.` });
  return all[0];
}

function intIn(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Parses list parameters. Every problem is reported with its parameter; the query keeps only
 * valid values, so a page can render it and an API can refuse it.
 */
export function parseBrowseParams(
  raw: RawParams,
  { allowUnknown = true }: { allowUnknown?: boolean } = {},
): { query: BrowseQuery; problems: BrowseParamProblem[] } {
  const problems: BrowseParamProblem[] = [];
  const query: BrowseQuery = { features: [], sort: "newest", page: 1, pageSize: DEFAULT_PAGE_SIZE };

  if (!allowUnknown) {
    for (const key of Object.keys(raw)) {
      if (!KNOWN.has(key)) problems.push({ param: key, message: `Unknown parameter "${key}".` });
    }
  }

  const category = singleParam(raw, "category", problems);
  if (category !== undefined) {
    if (isValidSlug(category)) query.category = category;
    else problems.push({ param: "category", message: "category must be a category slug." });
  }

  const language = singleParam(raw, "language", problems);
  if (language !== undefined) {
    if (/^[a-z]{2,3}$/.test(language)) query.language = language;
    else problems.push({ param: "language", message: "language must be a language code such as en or es." });
  }

  const format = singleParam(raw, "format", problems);
  if (format !== undefined) {
    if ((FORMATS as string[]).includes(format)) query.format = format as EditionFormat;
    else problems.push({ param: "format", message: `format must be one of ${FORMATS.join(", ")}.` });
  }

  for (const feature of values(raw, "feature")) {
    if ((READING_FEATURES as readonly string[]).includes(feature)) {
      if (!query.features.includes(feature as ReadingFeature)) query.features.push(feature as ReadingFeature);
    } else
      problems.push({ param: "feature", message: `feature must be one of ${READING_FEATURES.join(", ")}.` });
  }
  query.features.sort();

  for (const [param, key] of [
    ["min_price", "minPriceMinor"],
    ["max_price", "maxPriceMinor"],
  ] as const) {
    const text = singleParam(raw, param, problems);
    if (text === undefined) continue;
    const minor = text.length <= 12 ? parseMoney(text, CURRENCY) : null;
    if (minor === null)
      problems.push({ param, message: `${param} must be an amount in dollars, such as 10 or 12.50.` });
    else query[key] = minor;
  }
  if (
    query.minPriceMinor !== undefined &&
    query.maxPriceMinor !== undefined &&
    query.minPriceMinor > query.maxPriceMinor
  ) {
    problems.push({ param: "max_price", message: "max_price must not be below min_price." });
    delete query.maxPriceMinor;
  }

  const minRating = singleParam(raw, "min_rating", problems);
  if (minRating !== undefined) {
    const n = intIn(minRating, 1, 5);
    if (n === undefined)
      problems.push({ param: "min_rating", message: "min_rating must be a whole number from 1 to 5." });
    else query.minRating = n;
  }

  const sort = singleParam(raw, "sort", problems);
  if (sort !== undefined) {
    if ((SORTS as readonly string[]).includes(sort)) query.sort = sort as BrowseSort;
    else problems.push({ param: "sort", message: `sort must be one of ${SORTS.join(", ")}.` });
  }

  const page = singleParam(raw, "page", problems);
  if (page !== undefined) {
    const n = intIn(page, 1, MAX_PAGE);
    if (n === undefined)
      problems.push({ param: "page", message: `page must be a whole number from 1 to ${MAX_PAGE}.` });
    else query.page = n;
  }

  const pageSize = singleParam(raw, "page_size", problems);
  if (pageSize !== undefined) {
    const n = intIn(pageSize, 1, MAX_PAGE_SIZE);
    if (n === undefined)
      problems.push({
        param: "page_size",
        message: `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      });
    else query.pageSize = n;
  }

  return { query, problems };
}

/** The query as URL parameters in canonical order, defaults left out. */
export function browseSearchParams(query: Partial<BrowseQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.category) params.set("category", query.category);
  if (query.language) params.set("language", query.language);
  if (query.format) params.set("format", query.format);
  for (const feature of [...(query.features ?? [])].sort()) params.append("feature", feature);
  if (query.minPriceMinor !== undefined)
    params.set("min_price", toDecimalString(query.minPriceMinor, CURRENCY));
  if (query.maxPriceMinor !== undefined)
    params.set("max_price", toDecimalString(query.maxPriceMinor, CURRENCY));
  if (query.minRating !== undefined) params.set("min_rating", String(query.minRating));
  if (query.sort && query.sort !== "newest") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set("page_size", String(query.pageSize));
  return params;
}

/** A link to the list at `basePath` with `changes` applied; any filter change goes back to page 1. */
export function browseHref(basePath: string, query: BrowseQuery, changes: Partial<BrowseQuery>): string {
  const filterChanged = Object.keys(changes).some((k) => k !== "page" && k !== "sort");
  const next = { ...query, ...changes, page: filterChanged ? 1 : (changes.page ?? query.page) };
  const search = browseSearchParams(next).toString();
  return search ? `${basePath}?${search}` : basePath;
}

/**
 * A list's address as one path segment of its cached route (proxy.ts rewrites /books?… and
 * /categories/<slug>?… onto app/(storefront)/cached): the canonical parameters and the names of
 * the ignored ones, base64url-encoded, so every spelling of the same list is one cache entry and
 * the segment needs no escaping. "all" is the list with no parameters.
 */
export function listKey(raw: RawParams): string {
  const { query, problems } = parseBrowseParams(raw);
  const params = browseSearchParams(query);
  const ignored = [...new Set(problems.map((p) => p.param))].sort();
  if (ignored.length > 0) params.set("ignored", ignored.join(","));
  return params.size > 0 ? Buffer.from(params.toString(), "utf8").toString("base64url") : "all";
}

/** The query and ignored parameter names a listKey stands for (anything else: the plain list). */
export function parseListKey(key: string): { query: BrowseQuery; ignoredParams: string[] } {
  const text = key !== "all" && /^[A-Za-z0-9_-]{1,2000}$/.test(key) ? Buffer.from(key, "base64url") : "";
  const params = new URLSearchParams(text.toString());
  const raw: RawParams = {};
  for (const name of new Set(params.keys())) if (name !== "ignored") raw[name] = params.getAll(name);
  const ignoredParams = (params.get("ignored") ?? "").split(",").filter((p) => KNOWN.has(p));
  return { query: parseBrowseParams(raw).query, ignoredParams };
}
