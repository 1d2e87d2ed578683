// Full-text search over published books, the same on PGlite and PostgreSQL (docs/search.md):
// websearch syntax on the English and Spanish vectors (accents folded before stemming), typo
// tolerance through the SearchWord vocabulary and trigram similarity on folded titles, "did you
// mean", ts_headline snippets, and the S1 facets over the matching set.
import type { Db } from "@/lib/db/types";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  bookConditions,
  browseFacets,
  orderBy,
  sortPrice,
  summariesInOrder,
  type BrowseFacets,
} from "./browse";
import { applyCorrections, positiveText, type SearchQuery } from "./search-query";
import { SNIPPET_START, SNIPPET_STOP } from "./snippet";
import type { BookSummary } from "./types";

export interface SearchHit {
  book: BookSummary;
  /** Matched words between SNIPPET_START and SNIPPET_STOP (see parseSnippet); plain text otherwise. */
  snippet: string;
}

export interface SearchResult {
  q: string;
  hits: SearchHit[];
  total: number;
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

async function snippets(db: Db, p: Plan, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const text = p.suggestion ?? p.q;
  const rows = await db.$queryRaw<{ id: number; snippet: string }[]>`
    WITH q AS (SELECT websearch_to_tsquery('bookstore_en', ${text}) AS en,
                      websearch_to_tsquery('bookstore_es', ${text}) AS es)
    SELECT b."id", ts_headline(
             CASE WHEN b."searchEs" @@ q.es THEN 'bookstore_es' ELSE 'bookstore_en' END::regconfig,
             translate(coalesce(b."description", b."teaser", b."subtitle", ''), ${SNIPPET_START + SNIPPET_STOP}, ''),
             CASE WHEN b."searchEs" @@ q.es THEN q.es ELSE q.en END,
             ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
      FROM "Book" b CROSS JOIN q
     WHERE b."id" = ANY (${intArray(ids)})`;
  return new Map(rows.map((r) => [r.id, r.snippet]));
}

/**
 * One page of published books matching `query.q` with the list filters applied, ranked by
 * relevance (or the chosen sort), with the total, a "did you mean" and snippets. `q` must have
 * passed checkSearchText (parseSearchParams does it).
 */
export async function searchBooks(db: Db, query: SearchQuery): Promise<SearchResult> {
  const p = await plan(db, query.q);
  const where = bookConditions({ ...query, sort: "newest" }, {}, undefined, matchCondition(p));
  const order = query.sort === "relevance" ? Prisma.sql`"score" DESC, b."id" ASC` : orderBy(query.sort);
  const offset = (query.page - 1) * query.pageSize;
  const rows = await db.$queryRaw<{ id: number; total: bigint }[]>`
    SELECT b."id", ${query.sort === "relevance" ? relevance(p) : Prisma.sql`0`} AS "score",
           ${query.sort.startsWith("price") ? sortPrice({ ...query, sort: "newest" }) : Prisma.sql`0`} AS "sortPrice",
           count(*) OVER () AS total
      FROM "Book" b
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${query.pageSize} OFFSET ${offset}`;
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && query.page > 1) {
    const [count] = await db.$queryRaw<
      { total: bigint }[]
    >`SELECT count(*) AS total FROM "Book" b WHERE ${where}`;
    total = Number(count?.total ?? 0);
  }
  const ids = rows.map((r) => r.id);
  const [books, marked] = await Promise.all([summariesInOrder(db, ids), snippets(db, p, ids)]);
  return {
    q: query.q,
    hits: books.map((book) => ({ book, snippet: marked.get(book.id) ?? "" })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    suggestion: p.suggestion,
  };
}

/** The S1 facets counted over the books that match the search text. */
export async function searchFacets(db: Db, query: SearchQuery): Promise<BrowseFacets> {
  const p = await plan(db, query.q);
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
