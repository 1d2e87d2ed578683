// Full-text search over published books, the same on PGlite and PostgreSQL (docs/search.md):
// websearch syntax on the English and Spanish vectors (accents folded before stemming), typo
// tolerance through the SearchWord vocabulary and trigram similarity on folded titles, "did you
// mean", ts_headline snippets, and the S1 facets over the matching set.
import type { Db } from "@/lib/db/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { bookConditions, browseFacets, orderBy, sortPrice, type BrowseFacets } from "./browse";
import { applyCorrections, positiveText, type SearchQuery } from "./search-query";
import { SNIPPET_START, SNIPPET_STOP } from "./snippet";
import { toBookSummary, type SummaryRow } from "./books";
import type { BookSummary } from "./types";

export interface SearchHit {
  book: BookSummary;
  /** Matched words between SNIPPET_START and SNIPPET_STOP (see parseSnippet); plain text otherwise. */
  snippet: string;
}

export interface SearchResult {
  q: string;
  hits: SearchHit[];
  /** Matching books, counted up to SEARCH_COUNT_CAP. */
  total: number;
  /** True when more than SEARCH_COUNT_CAP books match: show "10,000+". */
  totalIsCapped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  /** "Did you mean": the text with misspelled words replaced by known ones; null when none. */
  suggestion: string | null;
}

export interface SearchSuggestion {
  title: string;
  slug: string;
  subtitle: string | null;
}

/** Trigram title candidates kept for a query with an unknown word. */
const TYPO_CANDIDATES = 20;
/** ts_rank_cd weights {D, C, B, A}: a title match counts ten times a description match. */
const RANK_WEIGHTS = "{0.1,0.2,0.4,1.0}";

interface Analysis {
  /** The positive part of the text, folded (bookstore_fold). */
  folded: string;
  /** Folded words (3+ letters) that no published book contains. */
  unknown: string[];
}

async function analyse(db: Db, q: string): Promise<Analysis> {
  const rows = await db.$queryRaw<{ folded: string; word: string | null; known: boolean | null }[]>`
    WITH f AS (SELECT bookstore_fold(${positiveText(q)}) AS folded),
         vocabulary AS (SELECT EXISTS (SELECT 1 FROM "SearchWord") AS filled)
    SELECT f.folded, w.word,
           (NOT v.filled OR EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."word" = w.word)) AS known
      FROM f CROSS JOIN vocabulary v
      LEFT JOIN LATERAL (
        SELECT DISTINCT word FROM regexp_split_to_table(f.folded, '[^[:alnum:]]+') AS word
         WHERE length(word) >= 3 AND word !~ '[0-9]') w ON true`;
  return {
    folded: rows[0]?.folded ?? "",
    unknown: rows.flatMap((r) => (r.word !== null && r.known === false ? [r.word] : [])),
  };
}

/**
 * The nearest known word for each unknown one: a word of the best typo-matching titles first
 * ("koren war" → "korean", not the equally close "korea"), then trigram similarity, then frequency.
 */
async function corrections(db: Db, unknown: string[], context: string[]): Promise<Map<string, string>> {
  if (unknown.length === 0) return new Map();
  const rows = await db.$queryRaw<{ word: string; known: string }[]>`
    SELECT u.word, s."word" AS known
      FROM unnest(ARRAY[${Prisma.join(unknown)}]::text[]) AS u(word)
      CROSS JOIN LATERAL (
        SELECT sw."word" FROM "SearchWord" sw
         WHERE sw."word" % u.word
         ORDER BY sw."word" = ANY (ARRAY[${Prisma.join(context.length ? context : [""])}]::text[]) DESC,
                  similarity(sw."word", u.word) DESC, sw."ndoc" DESC, sw."word"
         LIMIT 1) s`;
  return new Map(rows.map((r) => [r.word, r.known]));
}

/** Published titles most like the folded text, word by word (strict word similarity, <<%). */
async function typoCandidates(db: Db, folded: string): Promise<{ id: number; title: string }[]> {
  return db.$queryRaw<{ id: number; title: string }[]>`
    SELECT b."id", bookstore_fold(b."title") AS title FROM "Book" b
     WHERE ${folded} <<% bookstore_fold(b."title") AND b."status" = 'published'
     ORDER BY strict_word_similarity(${folded}, bookstore_fold(b."title")) DESC, b."id"
     LIMIT ${TYPO_CANDIDATES}`;
}

function intArray(ids: number[]): Prisma.Sql {
  return ids.length ? Prisma.sql`ARRAY[${Prisma.join(ids)}]::int[]` : Prisma.sql`ARRAY[]::int[]`;
}

interface Plan {
  q: string;
  suggestion: string | null;
  typoIds: number[];
}

async function plan(db: Db, q: string): Promise<Plan> {
  const { folded, unknown } = await analyse(db, q);
  if (unknown.length === 0) return { q, suggestion: null, typoIds: [] };
  const typo = await typoCandidates(db, folded);
  const context = typo
    .slice(0, 3)
    .flatMap((t) => t.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
  const corrected = applyCorrections(q, await corrections(db, unknown, [...new Set(context)]));
  return { q, suggestion: corrected !== q ? corrected : null, typoIds: typo.map((t) => t.id) };
}

/** Books whose vectors match the text (or the corrected text), or whose title is a typo match. */
function matchCondition(p: Plan): Prisma.Sql {
  const parts = [
    Prisma.sql`b."searchEn" @@ websearch_to_tsquery('bookstore_en', ${p.q})`,
    Prisma.sql`b."searchEs" @@ websearch_to_tsquery('bookstore_es', ${p.q})`,
  ];
  if (p.suggestion) {
    parts.push(
      Prisma.sql`b."searchEn" @@ websearch_to_tsquery('bookstore_en', ${p.suggestion})`,
      Prisma.sql`b."searchEs" @@ websearch_to_tsquery('bookstore_es', ${p.suggestion})`,
    );
  }
  if (p.typoIds.length) parts.push(Prisma.sql`b."id" = ANY (${intArray(p.typoIds)})`);
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** Typo title matches first (in similarity order), then full-text rank; corrected matches weigh 0.9. */
function relevance(p: Plan): Prisma.Sql {
  const rank = (text: string, factor: number) => Prisma.sql`${factor}::float8 * greatest(
      coalesce(ts_rank_cd(${RANK_WEIGHTS}::float4[], b."searchEn", websearch_to_tsquery('bookstore_en', ${text}), 1), 0),
      coalesce(ts_rank_cd(${RANK_WEIGHTS}::float4[], b."searchEs", websearch_to_tsquery('bookstore_es', ${text}), 1), 0))`;
  const text = p.suggestion
    ? Prisma.sql`greatest(${rank(p.q, 1)}, ${rank(p.suggestion, 0.9)})`
    : rank(p.q, 1);
  if (!p.typoIds.length) return text;
  return Prisma.sql`CASE WHEN b."id" = ANY (${intArray(p.typoIds)})
    THEN 10 - array_position(${intArray(p.typoIds)}, b."id") * 0.01 ELSE ${text} END`;
}

/**
 * The page's hits in one query: each book's summary (the fields toBookSummary reads, with its
 * contributors, categories and editions aggregated) and its snippet, in the order of `ids`.
 */
async function pageHits(db: Db, p: Plan, ids: number[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const text = p.suggestion ?? p.q;
  const rows = await db.$queryRaw<(SummaryRow & { snippet: string })[]>`
    WITH q AS (SELECT websearch_to_tsquery('bookstore_en', ${text}) AS en,
                      websearch_to_tsquery('bookstore_es', ${text}) AS es)
    SELECT b."id", b."slug", b."title", b."subtitle", b."teaser", b."languages", b."featured",
           b."listingRating", b."ratingCount", b."ratingAverage", b."updatedAt",
           coalesce((SELECT json_agg(json_build_object('role', bc."role", 'note', bc."note",
                              'contributor', json_build_object('slug', c."slug", 'name', c."name"))
                              ORDER BY bc."position", bc."contributorId", bc."role")
                       FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId"
                      WHERE bc."bookId" = b."id"), '[]') AS "contributors",
           coalesce((SELECT json_agg(json_build_object('category', json_build_object('slug', c."slug", 'name', c."name"))
                              ORDER BY bc."position", bc."categoryId")
                       FROM "BookCategory" bc JOIN "Category" c ON c."id" = bc."categoryId"
                      WHERE bc."bookId" = b."id"), '[]') AS "categories",
           coalesce((SELECT json_agg(json_build_object('priceCents', e."priceCents", 'currency', e."currency",
                              'format', e."format", 'formatLabel', e."formatLabel") ORDER BY e."position", e."id")
                       FROM "Edition" e WHERE e."bookId" = b."id"), '[]') AS "editions",
           ts_headline(
             CASE WHEN b."searchEs" @@ q.es THEN 'bookstore_es' ELSE 'bookstore_en' END::regconfig,
             translate(coalesce(b."description", b."teaser", b."subtitle", ''), ${SNIPPET_START + SNIPPET_STOP}, ''),
             CASE WHEN b."searchEs" @@ q.es THEN q.es ELSE q.en END,
             ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
      FROM "Book" b CROSS JOIN q
     WHERE b."id" = ANY (${intArray(ids)})`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [{ book: toBookSummary({ ...row, updatedAt: new Date(row.updatedAt) }), snippet: row.snippet }]
      : [];
  });
}

/**
 * Totals are counted up to this, and relevance ranks exactly the first this many matching books
 * by id (plus the typo title matches); past that window, matches follow in id order. A common
 * word matches most of a large catalog, and ranking and counting every match (each reads the
 * book's vectors) is what made such searches slow. Below the cap, ranking and totals are exact.
 */
export const SEARCH_COUNT_CAP = 1000;

/** The prepared search text: what searchBooks and searchFacets share (see planSearch). */
export type SearchPlan = Plan;

/** Typo analysis and "did you mean" for a text; pass it to searchBooks and searchFacets to do it once. */
export async function planSearch(db: Db, q: string): Promise<SearchPlan> {
  return plan(db, q);
}

interface PageIds {
  ids: number[];
  total: number;
  capped: boolean;
}

function capTotal(counted: number): Omit<PageIds, "ids"> {
  return counted > SEARCH_COUNT_CAP
    ? { total: SEARCH_COUNT_CAP, capped: true }
    : { total: counted, capped: false };
}

async function cappedCount(db: Db, where: Prisma.Sql): Promise<Omit<PageIds, "ids">> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM (SELECT 1 FROM "Book" b WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) m`;
  return capTotal(Number(row?.total ?? 0));
}

/**
 * Ids of one relevance-ordered page and the capped total, in one pass over the matches: the
 * first SEARCH_COUNT_CAP matches by id and the typo title matches are ranked (the window), the
 * other matches follow by id.
 */
async function relevancePage(
  db: Db,
  p: Plan,
  where: Prisma.Sql,
  offset: number,
  limit: number,
): Promise<PageIds> {
  const [row] = await db.$queryRaw<
    { ids: number[]; counted: bigint; cutoff: number | null; ranked: bigint }[]
  >`
    WITH c AS MATERIALIZED (
      SELECT b."id", ${relevance(p)} AS "score" FROM "Book" b
       WHERE ${where} ORDER BY b."id" LIMIT ${SEARCH_COUNT_CAP + 1}),
    edge AS (SELECT max("id") AS cutoff FROM (SELECT "id" FROM c ORDER BY "id" LIMIT ${SEARCH_COUNT_CAP}) f),
    w AS (
      SELECT "id", "score" FROM c WHERE "id" <= (SELECT cutoff FROM edge)
      UNION
      SELECT b."id", ${relevance(p)} FROM "Book" b WHERE ${where} AND b."id" = ANY (${intArray(p.typoIds)}))
    SELECT coalesce((SELECT array_agg("id" ORDER BY "score" DESC, "id") FROM (
             SELECT "id", "score" FROM w ORDER BY "score" DESC, "id" LIMIT ${limit} OFFSET ${offset}) pg), '{}') AS ids,
           (SELECT count(*) FROM c) AS counted, (SELECT cutoff FROM edge) AS cutoff, (SELECT count(*) FROM w) AS ranked`;
  const ids = [...(row?.ids ?? [])];
  const total = capTotal(Number(row?.counted ?? 0));
  if (ids.length < limit && total.capped) {
    const rest = await db.$queryRaw<{ id: number }[]>`
      SELECT b."id" FROM "Book" b
       WHERE ${where} AND b."id" > ${row?.cutoff ?? 0} AND NOT (b."id" = ANY (${intArray(p.typoIds)}))
       ORDER BY b."id" LIMIT ${limit - ids.length} OFFSET ${Math.max(0, offset - Number(row?.ranked ?? 0))}`;
    ids.push(...rest.map((r) => r.id));
  }
  return { ids, ...total };
}

/**
 * One page of published books matching `query.q` with the list filters applied, ranked by
 * relevance (or the chosen sort), with the total (capped at SEARCH_COUNT_CAP, see totalIsCapped),
 * a "did you mean" and snippets. `q` must have passed checkSearchText (parseSearchParams does it).
 * `prepared` is planSearch's result for the same text, to share it with searchFacets.
 */
export async function searchBooks(db: Db, query: SearchQuery, prepared?: SearchPlan): Promise<SearchResult> {
  const p = prepared?.q === query.q ? prepared : await plan(db, query.q);
  const where = bookConditions({ ...query, sort: "newest" }, {}, undefined, matchCondition(p));
  const offset = (query.page - 1) * query.pageSize;
  let page: PageIds;
  if (query.sort === "relevance") {
    page = await relevancePage(db, p, where, offset, query.pageSize);
  } else {
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT b."id", ${query.sort.startsWith("price") ? sortPrice({ ...query, sort: "newest" }) : Prisma.sql`0`} AS "sortPrice"
        FROM "Book" b
       WHERE ${where}
       ORDER BY ${orderBy(query.sort)}
       LIMIT ${query.pageSize} OFFSET ${offset}`;
    const ids = rows.map((r) => r.id);
    page =
      offset === 0 && ids.length < query.pageSize
        ? { ids, total: ids.length, capped: false }
        : { ids, ...(await cappedCount(db, where)) };
  }
  return {
    q: query.q,
    hits: await pageHits(db, p, page.ids),
    total: page.total,
    totalIsCapped: page.capped,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(page.total / query.pageSize)),
    suggestion: p.suggestion,
  };
}

/** The S1 facets counted over the books that match the search text. */
export async function searchFacets(db: Db, query: SearchQuery, prepared?: SearchPlan): Promise<BrowseFacets> {
  const p = prepared?.q === query.q ? prepared : await plan(db, query.q);
  return browseFacets(db, { ...query, sort: "newest" }, {}, matchCondition(p));
}

/** Up to `limit` published titles for a partly typed text: every word, the last as a prefix. */
export async function suggestBooks(db: Db, text: string, limit = 8): Promise<SearchSuggestion[]> {
  const words = (text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const last = words.pop();
  if (!last || (words.length === 0 && last.length < 2)) return [];
  const terms = [...words.map((w) => `'${w}':AB`), `'${last}':*AB`].join(" & ");
  return db.$queryRaw<SearchSuggestion[]>`
    WITH q AS (SELECT to_tsquery('bookstore_en', ${terms}) AS en, to_tsquery('bookstore_es', ${terms}) AS es)
    SELECT b."title", b."slug", b."subtitle"
      FROM "Book" b CROSS JOIN q
     WHERE b."status" = 'published' AND (b."searchEn" @@ q.en OR b."searchEs" @@ q.es)
     ORDER BY greatest(coalesce(ts_rank_cd(${RANK_WEIGHTS}::float4[], b."searchEn", q.en, 1), 0),
                       coalesce(ts_rank_cd(${RANK_WEIGHTS}::float4[], b."searchEs", q.es, 1), 0)) DESC,
              b."featured" DESC, b."ratingCount" DESC, b."id"
     LIMIT ${Math.min(Math.max(limit, 1), 8)}`;
}

/**
 * Refreshes the SearchWord vocabulary (typo detection, "did you mean") from published books.
 * Call after a seed or import (all books), or after an admin save with the saved book's id
 * (adds its words; a full refresh also forgets words no book has any more). Runs inside the
 * caller's transaction when given one; scripts follow a full refresh with VACUUM ANALYZE.
 */
export async function refreshSearchVocabulary(
  db: Db,
  { bookIds }: { bookIds?: number[] } = {},
): Promise<void> {
  if (bookIds) {
    if (bookIds.length) await db.$executeRaw`SELECT bookstore_add_search_words(${intArray(bookIds)})`;
    return;
  }
  await db.$executeRaw`SELECT bookstore_refresh_search_words()`;
  await db.$executeRaw`ANALYZE "SearchWord"`;
}
