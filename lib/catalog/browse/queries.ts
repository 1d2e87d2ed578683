// Catalog lists with filters, facet counts, sorting and pagination, in SQL that runs the same on
// PGlite and PostgreSQL. One query builder serves /books, the category pages and the API.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { EditionFormat } from "@/lib/generated/prisma/enums";
import { toBookSummaryFromSql, type SqlSummaryRow } from "../books/queries";
import type { BrowseQuery, BrowseSort, ReadingFeature } from "./query";
import { estimateListSize, FORMATS, LIST_SAMPLE, MAX_PAGE, READING_FEATURES } from "./query";
import type { BookSummary } from "../shared/types";

const FEATURE_COLUMNS: Record<ReadingFeature, Prisma.Sql> = {
  "text-to-speech": Prisma.sql`e."textToSpeech"`,
  "screen-reader": Prisma.sql`e."screenReader"`,
  "enhanced-typesetting": Prisma.sql`e."enhancedTypesetting"`,
  "word-wise": Prisma.sql`e."wordWise"`,
};

/** Filters on the work itself. */
export interface BookScope {
  /** Category ids, the chosen category and its descendants (a category page: no category facet). */
  categoryIds?: number[];
  seriesId?: number;
  contributorId?: number;
}

type Facet = "category" | "language" | "format" | "feature" | "rating" | "price";

/**
 * The WHERE clause for books matching the query, leaving out one facet's own filter when counting it.
 * `match` is an extra condition on `b` (search passes "matches the search text"). `editionLookup`
 * "per-book" checks the edition filters with one index lookup per book, for a scan that stops
 * after a LIMIT (search's window, a list's page); "join" lets the planner join editions, better
 * for counting all; "none" leaves them out, for a caller that checks the editions it reads itself
 * (a list's sample).
 */
export function bookConditions(
  query: BrowseQuery,
  scope: BookScope,
  omit?: Facet,
  match?: Prisma.Sql,
  editionLookup: "join" | "per-book" | "none" = "join",
): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`b."status" = 'published'`];
  if (match) parts.push(match);
  // Overlap with the trigger-kept "categoryIds" (a book's BookCategory rows): no lookup per book.
  if (scope.categoryIds && omit !== "category") {
    parts.push(
      Prisma.sql`b."categoryIds" && ARRAY[${Prisma.join(scope.categoryIds.length ? scope.categoryIds : [-1])}]::int[]`,
    );
  }
  if (query.category && omit !== "category") {
    parts.push(Prisma.sql`b."categoryIds" && ARRAY(
      WITH RECURSIVE subtree("id") AS (
        SELECT "id" FROM "Category" WHERE "slug" = ${query.category}
        UNION SELECT c."id" FROM "Category" c JOIN subtree ON c."parentId" = subtree."id")
      SELECT "id" FROM subtree)`);
  }
  if (scope.seriesId !== undefined) parts.push(Prisma.sql`b."seriesId" = ${scope.seriesId}`);
  if (scope.contributorId !== undefined) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "BookContributor" c WHERE c."bookId" = b."id" AND c."contributorId" = ${scope.contributorId})`,
    );
  }
  // Containment, not "= ANY", so that the GIN index on languages can serve it.
  if (query.language && omit !== "language")
    parts.push(Prisma.sql`b."languages" @> ARRAY[${query.language}]::text[]`);
  if (query.minRating !== undefined && omit !== "rating") {
    parts.push(Prisma.sql`b."ratingCount" > 0 AND b."ratingAverage" >= ${query.minRating}`);
  }
  // The trigger-kept cheapest price says "has an edition for sale" without a lookup; edition filters
  // imply it, and saying it anyway lets the list indexes (partial on it) serve every list.
  // A scalar subquery with LIMIT is never turned into a join, unlike EXISTS.
  parts.push(Prisma.sql`b."minPriceCents" IS NOT NULL`);
  const filters = editionFilters(query, omit);
  const edition = sellableEditionWith(filters);
  if (!filters.length || editionLookup === "none") return Prisma.join(parts, " AND ");
  if (editionLookup === "per-book")
    parts.push(Prisma.sql`(SELECT true FROM "Edition" e WHERE e."bookId" = b."id" AND ${edition} LIMIT 1)`);
  else parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Edition" e WHERE e."bookId" = b."id" AND ${edition})`);
  return Prisma.join(parts, " AND ");
}

/**
 * What the facets read of a book's editions: the columns of the edition filters (and the
 * availability they check), all in the index Edition_list_idx, so the lookups read no table rows.
 */
const EDITION_FACET_COLUMNS = Prisma.sql`e."bookId", e."format", e."priceCents", e."availability",
  e."textToSpeech", e."screenReader", e."enhancedTypesetting", e."wordWise"`;

/** Edition filters apply to one edition together: "an ebook under $20 with text-to-speech". */
function editionConditions(query: BrowseQuery, omit?: Facet): Prisma.Sql {
  return sellableEditionWith(editionFilters(query, omit));
}

function sellableEditionWith(filters: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join([Prisma.sql`e."availability" <> 'discontinued'`, ...filters], " AND ");
}

function editionFilters(query: BrowseQuery, omit?: Facet): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (query.format && omit !== "format")
    parts.push(Prisma.sql`e."format" = ${query.format}::"EditionFormat"`);
  if (omit !== "price") {
    if (query.minPriceMinor !== undefined) parts.push(Prisma.sql`e."priceCents" >= ${query.minPriceMinor}`);
    if (query.maxPriceMinor !== undefined) parts.push(Prisma.sql`e."priceCents" <= ${query.maxPriceMinor}`);
  }
  if (omit !== "feature")
    for (const f of query.features) parts.push(Prisma.sql`${FEATURE_COLUMNS[f]} IS TRUE`);
  return parts;
}

/**
 * The price a book sorts by: its cheapest edition that matches the edition filters. Without edition
 * filters that is the trigger-kept column Book."minPriceCents" (indexed), not a lookup per book.
 */
export function sortPrice(query: BrowseQuery): Prisma.Sql {
  const filters = editionFilters(query);
  if (!filters.length) return Prisma.sql`b."minPriceCents"`;
  return Prisma.sql`(SELECT min(e."priceCents") FROM "Edition" e WHERE e."bookId" = b."id" AND ${sellableEditionWith(filters)})`;
}

export function orderBy(sort: BrowseSort): Prisma.Sql {
  switch (sort) {
    case "price-asc":
      return Prisma.sql`"sortPrice" ASC, b."id" ASC`;
    case "price-desc":
      return Prisma.sql`"sortPrice" DESC, b."id" ASC`;
    case "rating":
      return Prisma.sql`b."ratingAverage" DESC, b."ratingCount" DESC, b."id" ASC`;
    case "title":
      return Prisma.sql`lower(b."title") ASC, b."id" ASC`;
    case "newest":
      return Prisma.sql`b."publishedAt" DESC NULLS LAST, b."id" DESC`;
  }
}

export interface FacetCount<V extends string = string> {
  value: V;
  count: number;
  /** The count is estimated from the list's sample (a list longer than LIST_SAMPLE): show "about". */
  estimated?: boolean;
}

export interface BrowseFacets {
  categories: (FacetCount & { name: string; parentSlug: string | null })[];
  languages: FacetCount[];
  formats: FacetCount<EditionFormat>[];
  features: FacetCount<ReadingFeature>[];
  ratings: FacetCount[];
  priceRange: { minMinor: number; maxMinor: number } | null;
}

export interface BrowseResult {
  books: BookSummary[];
  /** Exact up to LIST_SAMPLE books; above it estimated from the list's sample (`totalIsEstimate`). */
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** The books' summaries in the order of `ids`, in one statement (bookstore_book_summaries). */
export async function summariesInOrder(db: Db, ids: number[]): Promise<BookSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<SqlSummaryRow[]>`
    SELECT b."id", b."slug", b."title", b."subtitle", b."teaser", b."languages", b."featured",
           b."listingRating", b."ratingCount", b."ratingAverage", b."updatedAt",
           b."coverVersion", b."coverWidth", b."coverHeight",
           s."contributors", s."categories", s."editions"
      FROM bookstore_book_summaries(ARRAY[${Prisma.join(ids)}]::int[]) s
      JOIN "Book" b ON b."id" = s."book_id"
     WHERE b."id" IN (${Prisma.join(ids)})`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toBookSummaryFromSql(row)] : [];
  });
}

/**
 * A list's sample: the books matching `where` in the order of a hash of their id (a fixed
 * pseudo-random order, served by the index Book_list_sample_idx), at most LIST_SAMPLE + 1, with the
 * hash as "h". A uniform sample of the books matching `where`, read without visiting the rest.
 * `where` holds the filters on the book itself (bookConditions' "none"): checking edition filters
 * per book while walking the sample took an edition lookup for every book passed over, so callers
 * check them on the sampled books' editions, and the list's size is the matching share of the
 * sample's.
 */
function listSample(where: Prisma.Sql, columns: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${columns}, hashint4(b."id") AS "h" FROM "Book" b WHERE ${where}
     ORDER BY hashint4(b."id") LIMIT ${LIST_SAMPLE + 1}`;
}

/** One page of published books matching the query, in the query's order, with the list's total. */
export async function loadBrowseBooks(
  db: Db,
  query: BrowseQuery,
  scope: BookScope = {},
): Promise<BrowseResult> {
  const offset = (query.page - 1) * query.pageSize;
  // The sample is of the books without the edition filters: the list is the share with a matching edition.
  const matching = editionFilters(query).length
    ? Prisma.sql`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Edition" e WHERE e."bookId" = s."id" AND ${editionConditions(query)}))`
    : Prisma.sql`count(*)`;
  const [[sample], rows] = await Promise.all([
    db.$queryRaw<{ n: number; h: number | null; matching: number }[]>`
      SELECT count(*)::int AS "n", max(s."h") AS "h", ${matching}::int AS "matching"
        FROM (${listSample(bookConditions(query, scope, undefined, undefined, "none"), Prisma.sql`b."id"`)}) s`,
    // Edition filters are looked up per book, so that reading the list's order (an index) stops at the page.
    db.$queryRaw<{ id: number }[]>`
      SELECT b."id", ${sortPrice(query)} AS "sortPrice"
        FROM "Book" b
       WHERE ${bookConditions(query, scope, undefined, undefined, "per-book")}
       ORDER BY ${orderBy(query.sort)}
       LIMIT ${query.pageSize + 1} OFFSET ${offset}`,
  ]);
  const more = rows.length > query.pageSize;
  const { size, estimated } = estimateListSize(sample?.n ?? 0, sample?.h ?? null, sample?.matching ?? 0);
  // A page with books and none after it knows the list's size; an estimate is never below the books seen.
  const last = !more && (rows.length > 0 || query.page === 1);
  const total = last ? offset + rows.length : Math.max(size, offset + rows.length);
  return {
    books: await summariesInOrder(
      db,
      rows.slice(0, query.pageSize).map((r) => r.id),
    ),
    total,
    totalIsEstimate: estimated && !last,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / query.pageSize), more ? query.page + 1 : 0)),
  };
}

/**
 * Counts per facet value, each computed with every other active filter applied but not its own
 * (choosing "Spanish" still shows how many English books the other filters leave).
 * - A list (no `window`): each facet counts a sample of its books (`listSample`, at most
 *   LIST_SAMPLE + 1 books with the filters on the book itself, then the edition filters checked on
 *   their editions): exact when the sample holds every such book, otherwise each count is its
 *   share of the sample times the estimated size, marked `estimated`. Bounded work whatever the
 *   catalog's size; a value too rare to be in the sample of a long list is not offered (it is,
 *   with its count, once a filter narrows the list).
 * - Search (`match` and `window`): each facet counts the first `window` books its conditions match,
 *   as search's results are the first SEARCH_WINDOW matches: exact below the window.
 */
export async function loadBrowseFacets(
  db: Db,
  query: BrowseQuery,
  scope: BookScope = {},
  match?: Prisma.Sql,
  window?: number,
): Promise<BrowseFacets> {
  const sampled = window === undefined;
  // The books a facet counts, as the CTE "b", and their editions as "e", looked up per book once per
  // set of books (OFFSET 0 keeps the planner from turning the lookups into a hash join over every
  // edition). A facet whose own filter is not set has the same conditions as the others (leaving it
  // out changes no SQL), so each distinct set of books is taken once. A CTE no facet reads is not run.
  const sets = new Map<string, Prisma.Sql>();
  const conditionsOmitting = (omit?: Facet) =>
    bookConditions(query, scope, omit, match, sampled ? "none" : "per-book");
  const allConditions = conditionsOmitting();
  const editionFilter = editionConditions(query);
  const books = (omit?: Facet) => {
    const conditions = omit ? conditionsOmitting(omit) : allConditions;
    const name = `facet_books_${conditions.sql === allConditions.sql ? "all" : omit}`;
    sets.set(name, conditions);
    const editions = Prisma.raw(`${name}_editions`);
    return {
      name,
      from: Prisma.sql`${Prisma.raw(name)} b`,
      editions: Prisma.sql`${editions} e`,
      // A sample holds books without the edition filters: a book-level facet counts those with a
      // matching edition.
      where:
        sampled && editionFilters(query).length
          ? Prisma.sql`EXISTS (SELECT 1 FROM ${editions} e WHERE e."bookId" = b."id" AND ${editionFilter})`
          : Prisma.sql`true`,
    };
  };
  // A category page is its category: the category facet would only count the whole catalog.
  const byCategory = scope.categoryIds ? null : books("category");
  const byLanguage = books("language");
  const byFormat = books("format");
  const all = books();
  const byRating = books("rating");
  const byPrice = books("price");
  const counts: Record<Exclude<keyof FacetCountsRow, "samples">, Prisma.Sql> = {
    categories: byCategory
      ? Prisma.sql`
      SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.name ASC), '[]') FROM (
        SELECT c."slug" AS value, c."name", p."slug" AS "parentSlug", count(*) AS count
          FROM ${byCategory.from}
          CROSS JOIN unnest(b."categoryIds") AS bc("categoryId")
          JOIN "Category" c ON c."id" = bc."categoryId"
          LEFT JOIN "Category" p ON p."id" = c."parentId"
         WHERE ${byCategory.where}
         GROUP BY c."slug", c."name", p."slug"
         ORDER BY count DESC, c."name" ASC
         LIMIT 100) x`
      : Prisma.sql`SELECT '[]'::json`,
    languages: Prisma.sql`
      SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.value ASC), '[]') FROM (
        SELECT l AS value, count(*) AS count
          FROM ${byLanguage.from}, unnest(b."languages") AS l
         WHERE ${byLanguage.where}
         GROUP BY l ORDER BY count DESC, l ASC LIMIT 50) x`,
    formats: Prisma.sql`
      SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT e."format"::text AS value, count(DISTINCT e."bookId") AS count
          FROM ${byFormat.editions}
         WHERE ${editionConditions(query, "format")}
         GROUP BY e."format") x`,
    features: Prisma.sql`
      SELECT row_to_json(x) FROM (
        SELECT count(DISTINCT e."bookId") FILTER (WHERE e."textToSpeech" IS TRUE) AS tts,
               count(DISTINCT e."bookId") FILTER (WHERE e."screenReader" IS TRUE) AS sr,
               count(DISTINCT e."bookId") FILTER (WHERE e."enhancedTypesetting" IS TRUE) AS et,
               count(DISTINCT e."bookId") FILTER (WHERE e."wordWise" IS TRUE) AS ww
          FROM ${all.editions}
         WHERE ${editionFilter}) x`,
    ratings: Prisma.sql`
      SELECT row_to_json(x) FROM (
        SELECT count(*) FILTER (WHERE b."ratingAverage" >= 4) AS r4,
               count(*) FILTER (WHERE b."ratingAverage" >= 3) AS r3,
               count(*) FILTER (WHERE b."ratingAverage" >= 2) AS r2,
               count(*) FILTER (WHERE b."ratingAverage" >= 1) AS r1
          FROM ${byRating.from}
         WHERE ${byRating.where} AND b."ratingCount" > 0) x`,
    prices: Prisma.sql`
      SELECT row_to_json(x) FROM (
        SELECT min(e."priceCents") AS min, max(e."priceCents") AS max
          FROM ${byPrice.editions}
         WHERE ${editionConditions(query, "price")}) x`,
  };
  const columns = Prisma.sql`b."id", b."languages", b."categoryIds", b."ratingAverage", b."ratingCount"`;
  const ctes = [...sets].flatMap(([name, conditions]) => [
    Prisma.sql`${Prisma.raw(name)} AS MATERIALIZED (${
      sampled
        ? listSample(conditions, columns)
        : Prisma.sql`SELECT ${columns} FROM "Book" b WHERE ${conditions} LIMIT ${window}`
    })`,
    Prisma.sql`${Prisma.raw(`${name}_editions`)} AS MATERIALIZED (
      SELECT e.* FROM ${Prisma.raw(name)} b
      CROSS JOIN LATERAL (SELECT ${EDITION_FACET_COLUMNS} FROM "Edition" e
                           WHERE e."bookId" = b."id" AND ${sellableEditionWith([])} OFFSET 0) e)`,
  ]);
  // Each set's size and, for a list's sample, its largest hash: what the estimates need.
  const samples = Prisma.sql`json_build_object(${Prisma.join(
    [...sets.keys()].map(
      (name) =>
        Prisma.sql`${name}::text, (SELECT json_build_array(count(*), ${sampled ? Prisma.sql`max("h")` : Prisma.sql`NULL`}) FROM ${Prisma.raw(name)})`,
    ),
  )})`;
  const [row] = await db.$queryRaw<[FacetCountsRow]>`
    WITH ${Prisma.join(ctes, ",\n")}
    SELECT ${Prisma.join(
      Object.entries(counts).map(([name, sql]) => Prisma.sql`(${sql}) AS ${Prisma.raw(name)}`),
    )}, ${samples} AS "samples"`;
  const { categories, languages, formats, features: f, ratings: r, prices: p, samples: sizes } = row;
  // A sampled count stands for its share of the estimated size of the set it was counted in.
  const scaled =
    (set: { name: string }) =>
    <T extends { count: number }>(item: T): T & { estimated?: boolean } => {
      const [n, maxHash] = sizes[set.name] ?? [0, null];
      const { size, estimated } = estimateListSize(n, maxHash, item.count);
      return estimated ? { ...item, count: size, estimated } : item;
    };
  const featureCounts: Record<ReadingFeature, number | undefined> = {
    "text-to-speech": f?.tts,
    "screen-reader": f?.sr,
    "enhanced-typesetting": f?.et,
    "word-wise": f?.ww,
  };
  return {
    categories: byCategory
      ? categories.map((c) =>
          scaled(byCategory)({ value: c.value, name: c.name, parentSlug: c.parentSlug, count: c.count }),
        )
      : [],
    languages: languages.map((l) => scaled(byLanguage)({ value: l.value, count: l.count })),
    formats: FORMATS.flatMap((format) => {
      const row = formats.find((x) => x.value === format);
      return row ? [scaled(byFormat)({ value: format, count: row.count })] : [];
    }),
    features: READING_FEATURES.map((value) => ({ value, count: featureCounts[value] ?? 0 }))
      .filter((x) => x.count > 0)
      .map(scaled(all)),
    ratings: r
      ? [
          { value: "4", count: r.r4 },
          { value: "3", count: r.r3 },
          { value: "2", count: r.r2 },
          { value: "1", count: r.r1 },
        ]
          .filter((x) => x.count > 0)
          .map(scaled(byRating))
      : [],
    priceRange: p?.min != null && p.max != null ? { minMinor: p.min, maxMinor: p.max } : null,
  };
}

/** The facet counts of loadBrowseFacets' one query, each as JSON (counts are JSON numbers). */
interface FacetCountsRow {
  categories: { value: string; name: string; parentSlug: string | null; count: number }[];
  languages: { value: string; count: number }[];
  formats: { value: EditionFormat; count: number }[];
  features: { tts: number; sr: number; et: number; ww: number } | null;
  ratings: { r4: number; r3: number; r2: number; r1: number } | null;
  prices: { min: number | null; max: number | null } | null;
  /** Per set of books: how many, and the largest hash of a list's sample (null for a search window). */
  samples: Record<string, [number, number | null]>;
}

// ---------------------------------------------------------------------------------------------
// Keyset ("cursor") pagination for the API: stable under inserts and as fast on page 500 as on page 1.

type KeyKind = "timestamp" | "numeric" | "int" | "text";
interface SortKey {
  expr: Prisma.Sql;
  alias: string;
  dir: "asc" | "desc";
  kind: KeyKind;
}

function sortKeys(query: BrowseQuery): SortKey[] {
  const id: SortKey = { expr: Prisma.sql`b."id"`, alias: "k_id", dir: "asc", kind: "int" };
  switch (query.sort) {
    case "newest":
      return [
        {
          expr: Prisma.sql`coalesce(b."publishedAt", 'epoch'::timestamp)`,
          alias: "k1",
          dir: "desc",
          kind: "timestamp",
        },
        { ...id, dir: "desc" },
      ];
    case "price-asc":
      return [{ expr: sortPrice(query), alias: "k1", dir: "asc", kind: "int" }, id];
    case "price-desc":
      return [{ expr: sortPrice(query), alias: "k1", dir: "desc", kind: "int" }, id];
    case "rating":
      return [
        { expr: Prisma.sql`b."ratingAverage"`, alias: "k1", dir: "desc", kind: "numeric" },
        { expr: Prisma.sql`b."ratingCount"`, alias: "k2", dir: "desc", kind: "int" },
        id,
      ];
    case "title":
      return [{ expr: Prisma.sql`lower(b."title")`, alias: "k1", dir: "asc", kind: "text" }, id];
  }
}

/** The position after the last row of a page: its sort keys, as strings. */
export interface BrowseCursor {
  sort: BrowseSort;
  keys: string[];
}

function typed(value: string, kind: KeyKind): Prisma.Sql {
  switch (kind) {
    case "timestamp":
      return Prisma.sql`${value}::timestamp`;
    case "numeric":
      return Prisma.sql`${value}::numeric`;
    case "int":
      return Prisma.sql`${value}::int`;
    case "text":
      return Prisma.sql`${value}::text`;
  }
}

const KEY_PATTERNS: Record<KeyKind, RegExp> = {
  timestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/,
  numeric: /^-?\d{1,6}(\.\d{1,6})?$/,
  int: /^-?\d{1,10}$/,
  text: /^[\s\S]{0,1000}$/,
};

/** Whether a decoded cursor fits the query's sort (keys of the right number and shape). */
export function cursorFitsQuery(cursor: BrowseCursor, query: BrowseQuery): boolean {
  const keys = sortKeys(query);
  return (
    cursor.sort === query.sort &&
    cursor.keys.length === keys.length &&
    keys.every((k, i) => KEY_PATTERNS[k.kind].test(cursor.keys[i] ?? ""))
  );
}

function afterCursor(keys: SortKey[], values: string[]): Prisma.Sql {
  const alternatives = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => Prisma.sql`${k.expr} = ${typed(values[j]!, k.kind)}`);
    const beyond = Prisma.sql`${key.expr} ${key.dir === "asc" ? Prisma.sql`>` : Prisma.sql`<`} ${typed(values[i]!, key.kind)}`;
    return Prisma.sql`(${Prisma.join([...equal, beyond], " AND ")})`;
  });
  return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
}

function keyText(value: unknown, kind: KeyKind): string {
  if (kind === "timestamp")
    return (value instanceof Date ? value : new Date(String(value))).toISOString().replace("Z", "");
  return String(value);
}

export interface BrowsePage {
  books: BookSummary[];
  total: number;
  next: BrowseCursor | null;
}

/** Up to `limit` books after `cursor` (or from the start), with the cursor of the next page. */
export async function loadBrowseBooksAfter(
  db: Db,
  query: BrowseQuery,
  { cursor, limit, scope = {} }: { cursor: BrowseCursor | null; limit: number; scope?: BookScope },
): Promise<BrowsePage> {
  const keys = sortKeys(query);
  const where = bookConditions(query, scope);
  const conditions = cursor ? Prisma.sql`${where} AND ${afterCursor(keys, cursor.keys)}` : where;
  const select = Prisma.join(keys.map((k) => Prisma.sql`${k.expr} AS ${Prisma.raw(`"${k.alias}"`)}`));
  const order = Prisma.join(keys.map((k) => Prisma.sql`${k.expr} ${Prisma.raw(k.dir.toUpperCase())}`));
  const [rows, [countRow]] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT b."id", ${select} FROM "Book" b WHERE ${conditions} ORDER BY ${order} LIMIT ${limit + 1}`,
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Book" b WHERE ${where}`,
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    books: await summariesInOrder(
      db,
      page.map((r) => Number(r.id)),
    ),
    total: Number(countRow?.total ?? 0),
    next:
      rows.length > limit && last
        ? { sort: query.sort, keys: keys.map((k) => keyText(last[k.alias], k.kind)) }
        : null,
  };
}
