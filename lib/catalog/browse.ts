// Catalog lists with filters, facet counts, sorting and pagination, in SQL that runs the same on
// PGlite and PostgreSQL. One query builder serves /books, the category pages and the API.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { EditionFormat } from "@/lib/generated/prisma/enums";
import { bookSummaryInclude, toBookSummary } from "./books";
import type { BrowseQuery, BrowseSort, ReadingFeature } from "./browse-query";
import { FORMATS, READING_FEATURES } from "./browse-query";
import type { BookSummary } from "./types";

const FEATURE_COLUMNS: Record<ReadingFeature, Prisma.Sql> = {
  "text-to-speech": Prisma.sql`e."textToSpeech"`,
  "screen-reader": Prisma.sql`e."screenReader"`,
  "enhanced-typesetting": Prisma.sql`e."enhancedTypesetting"`,
  "word-wise": Prisma.sql`e."wordWise"`,
};

/** Filters on the work itself. */
export interface BookScope {
  /** Category ids, the chosen category and its descendants. */
  categoryIds?: number[];
  seriesId?: number;
  contributorId?: number;
}

type Facet = "category" | "language" | "format" | "feature" | "rating" | "price";

/**
 * The WHERE clause for books matching the query, leaving out one facet's own filter when counting it.
 * `match` is an extra condition on `b` (search passes "matches the search text"). `editionLookup`
 * "per-book" checks the edition filters with one index lookup per book, for a scan that stops
 * after a LIMIT (search's window); "join" lets the planner join editions, better for counting all.
 */
export function bookConditions(
  query: BrowseQuery,
  scope: BookScope,
  omit?: Facet,
  match?: Prisma.Sql,
  editionLookup: "join" | "per-book" = "join",
): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`b."status" = 'published'`];
  if (match) parts.push(match);
  if (scope.categoryIds && omit !== "category") {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "BookCategory" bc WHERE bc."bookId" = b."id" AND bc."categoryId" IN (${Prisma.join(scope.categoryIds.length ? scope.categoryIds : [-1])}))`,
    );
  }
  if (query.category && omit !== "category") {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "BookCategory" bc WHERE bc."bookId" = b."id" AND bc."categoryId" IN (
      WITH RECURSIVE subtree("id") AS (
        SELECT "id" FROM "Category" WHERE "slug" = ${query.category}
        UNION SELECT c."id" FROM "Category" c JOIN subtree ON c."parentId" = subtree."id")
      SELECT "id" FROM subtree))`);
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
  // Without edition filters, the trigger-kept cheapest price says the same as the EXISTS, without a lookup.
  // A scalar subquery with LIMIT is never turned into a join, unlike EXISTS.
  const filters = editionFilters(query, omit);
  const edition = sellableEditionWith(filters);
  if (!filters.length) parts.push(Prisma.sql`b."minPriceCents" IS NOT NULL`);
  else if (editionLookup === "per-book")
    parts.push(Prisma.sql`(SELECT true FROM "Edition" e WHERE e."bookId" = b."id" AND ${edition} LIMIT 1)`);
  else parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Edition" e WHERE e."bookId" = b."id" AND ${edition})`);
  return Prisma.join(parts, " AND ");
}

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
    if (query.minPriceCents !== undefined) parts.push(Prisma.sql`e."priceCents" >= ${query.minPriceCents}`);
    if (query.maxPriceCents !== undefined) parts.push(Prisma.sql`e."priceCents" <= ${query.maxPriceCents}`);
  }
  if (omit !== "feature")
    for (const f of query.features) parts.push(Prisma.sql`${FEATURE_COLUMNS[f]} IS TRUE`);
  return parts;
}

/**
 * The price a book sorts by: its cheapest edition that matches the edition filters. Without edition
 * filters that is the trigger-kept "minPriceCents" (indexed), not a lookup per book.
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
}

export interface BrowseFacets {
  categories: (FacetCount & { name: string; parentSlug: string | null })[];
  languages: FacetCount[];
  formats: FacetCount<EditionFormat>[];
  features: FacetCount<ReadingFeature>[];
  ratings: FacetCount[];
  priceRange: { minCents: number; maxCents: number } | null;
}

export interface BrowseResult {
  books: BookSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export async function summariesInOrder(db: Db, ids: number[]): Promise<BookSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.book.findMany({ where: { id: { in: ids } }, include: bookSummaryInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toBookSummary(row)] : [];
  });
}

/** One page of published books matching the query, in the query's order. */
export async function browseBooks(db: Db, query: BrowseQuery, scope: BookScope = {}): Promise<BrowseResult> {
  const where = bookConditions(query, scope);
  const offset = (query.page - 1) * query.pageSize;
  const [countRow] = await db.$queryRaw<
    { total: bigint }[]
  >`SELECT count(*) AS total FROM "Book" b WHERE ${where}`;
  const total = Number(countRow?.total ?? 0);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT b."id", ${sortPrice(query)} AS "sortPrice"
      FROM "Book" b
     WHERE ${where}
     ORDER BY ${orderBy(query.sort)}
     LIMIT ${query.pageSize} OFFSET ${offset}`;
  return {
    books: await summariesInOrder(
      db,
      rows.map((r) => r.id),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/**
 * Counts per facet value, each computed with every other active filter applied but not its own
 * (choosing "Spanish" still shows how many English books the other filters leave). With `window`
 * (search), each facet counts the first `window` books its conditions match, as search's results
 * are the first SEARCH_WINDOW matches: bounded work for a common word, exact below the window.
 */
export async function browseFacets(
  db: Db,
  query: BrowseQuery,
  scope: BookScope = {},
  match?: Prisma.Sql,
  window?: number,
): Promise<BrowseFacets> {
  // The books a facet counts, as "b", the condition left for the outer query, and their editions
  // as "e": joined for the whole catalog, looked up per book for a window (OFFSET 0 keeps the
  // planner from turning the lookup into a hash join over every edition). A facet whose own filter
  // is not set has the same conditions as the others (leaving it out changes no SQL), so each
  // distinct window is taken once, as a CTE.
  const windows = new Map<string, Prisma.Sql>();
  const allConditions = bookConditions(query, scope, undefined, match, "per-book");
  const books = (omit?: Facet): { from: Prisma.Sql; where: Prisma.Sql; editions: Prisma.Sql } => {
    if (window === undefined) {
      return {
        from: Prisma.sql`"Book" b`,
        where: bookConditions(query, scope, omit, match),
        editions: Prisma.sql`JOIN "Edition" e ON e."bookId" = b."id"`,
      };
    }
    const conditions = omit ? bookConditions(query, scope, omit, match, "per-book") : allConditions;
    const name = `facet_books_${conditions.sql === allConditions.sql ? "all" : omit}`;
    if (!windows.has(name)) {
      windows.set(
        name,
        Prisma.sql`${Prisma.raw(name)} AS MATERIALIZED (
          SELECT b."id", b."languages", b."ratingAverage", b."ratingCount" FROM "Book" b
           WHERE ${conditions} LIMIT ${window})`,
      );
    }
    return {
      from: Prisma.sql`${Prisma.raw(name)} b`,
      where: Prisma.sql`true`,
      editions: Prisma.sql`CROSS JOIN LATERAL (SELECT * FROM "Edition" e WHERE e."bookId" = b."id" OFFSET 0) e`,
    };
  };
  const byCategory = books("category");
  const byLanguage = books("language");
  const byFormat = books("format");
  const all = books();
  const byRating = books("rating");
  const byPrice = books("price");
  const counts: Record<keyof FacetCountsRow, Prisma.Sql> = {
    categories: Prisma.sql`
      SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.name ASC), '[]') FROM (
        SELECT c."slug" AS value, c."name", p."slug" AS "parentSlug", count(DISTINCT b."id") AS count
          FROM ${byCategory.from}
          JOIN "BookCategory" bc ON bc."bookId" = b."id"
          JOIN "Category" c ON c."id" = bc."categoryId"
          LEFT JOIN "Category" p ON p."id" = c."parentId"
         WHERE ${byCategory.where}
         GROUP BY c."slug", c."name", p."slug"
         ORDER BY count DESC, c."name" ASC
         LIMIT 100) x`,
    languages: Prisma.sql`
      SELECT coalesce(json_agg(x ORDER BY x.count DESC, x.value ASC), '[]') FROM (
        SELECT l AS value, count(*) AS count
          FROM ${byLanguage.from}, unnest(b."languages") AS l
         WHERE ${byLanguage.where}
         GROUP BY l ORDER BY count DESC, l ASC LIMIT 50) x`,
    formats: Prisma.sql`
      SELECT coalesce(json_agg(x), '[]') FROM (
        SELECT e."format"::text AS value, count(DISTINCT b."id") AS count
          FROM ${byFormat.from} ${byFormat.editions}
         WHERE ${byFormat.where} AND ${editionConditions(query, "format")}
         GROUP BY e."format") x`,
    features: Prisma.sql`
      SELECT row_to_json(x) FROM (
        SELECT count(DISTINCT b."id") FILTER (WHERE e."textToSpeech" IS TRUE) AS tts,
               count(DISTINCT b."id") FILTER (WHERE e."screenReader" IS TRUE) AS sr,
               count(DISTINCT b."id") FILTER (WHERE e."enhancedTypesetting" IS TRUE) AS et,
               count(DISTINCT b."id") FILTER (WHERE e."wordWise" IS TRUE) AS ww
          FROM ${all.from} ${all.editions}
         WHERE ${all.where} AND ${editionConditions(query)}) x`,
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
          FROM ${byPrice.from} ${byPrice.editions}
         WHERE ${byPrice.where} AND ${editionConditions(query, "price")}) x`,
  };
  // A window's facets are one query over the shared windows; over the whole catalog each count is
  // its own query, so that the pool runs them side by side.
  const one = async <K extends keyof FacetCountsRow>(name: K): Promise<FacetCountsRow[K]> => {
    const [row] = await db.$queryRaw<[{ value: FacetCountsRow[K] }]>`SELECT (${counts[name]}) AS value`;
    return row.value;
  };
  const row: FacetCountsRow =
    window !== undefined
      ? (
          await db.$queryRaw<[FacetCountsRow]>`
          WITH ${Prisma.join([...windows.values()], ",\n")}
          SELECT ${Prisma.join(
            Object.entries(counts).map(([name, sql]) => Prisma.sql`(${sql}) AS ${Prisma.raw(name)}`),
          )}`
        )[0]
      : await Promise.all([
          one("categories"),
          one("languages"),
          one("formats"),
          one("features"),
          one("ratings"),
          one("prices"),
        ]).then(([categories, languages, formats, features, ratings, prices]) => ({
          categories,
          languages,
          formats,
          features,
          ratings,
          prices,
        }));
  const { categories, languages, formats, features: f, ratings: r, prices: p } = row;
  const featureCounts: Record<ReadingFeature, number | undefined> = {
    "text-to-speech": f?.tts,
    "screen-reader": f?.sr,
    "enhanced-typesetting": f?.et,
    "word-wise": f?.ww,
  };
  return {
    categories: categories.map((c) => ({
      value: c.value,
      name: c.name,
      parentSlug: c.parentSlug,
      count: c.count,
    })),
    languages: languages.map((l) => ({ value: l.value, count: l.count })),
    formats: FORMATS.flatMap((format) => {
      const row = formats.find((x) => x.value === format);
      return row ? [{ value: format, count: row.count }] : [];
    }),
    features: READING_FEATURES.map((value) => ({ value, count: featureCounts[value] ?? 0 })).filter(
      (x) => x.count > 0,
    ),
    ratings: r
      ? [
          { value: "4", count: r.r4 },
          { value: "3", count: r.r3 },
          { value: "2", count: r.r2 },
          { value: "1", count: r.r1 },
        ].filter((x) => x.count > 0)
      : [],
    priceRange: p?.min != null && p.max != null ? { minCents: p.min, maxCents: p.max } : null,
  };
}

/** The facet counts of browseFacets' one query, each as JSON (counts are JSON numbers). */
interface FacetCountsRow {
  categories: { value: string; name: string; parentSlug: string | null; count: number }[];
  languages: { value: string; count: number }[];
  formats: { value: EditionFormat; count: number }[];
  features: { tts: number; sr: number; et: number; ww: number } | null;
  ratings: { r4: number; r3: number; r2: number; r1: number } | null;
  prices: { min: number | null; max: number | null } | null;
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
export async function browseBooksAfter(
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
