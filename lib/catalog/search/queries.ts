// Full-text search over published books, the same on PGlite and PostgreSQL (docs/search.md):
// websearch syntax on the English and Spanish vectors (accents folded before stemming), typo
// tolerance through the SearchWord vocabulary and trigram similarity on folded titles, "did you
// mean", ts_headline snippets, and the S1 facets, all over a bounded window of matches.
import type { Db } from "@/lib/db/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { bookConditions, loadBrowseFacets, orderBy, sortPrice, type BrowseFacets } from "../browse/queries";
import { applyCorrections, positiveText, SEARCH_WINDOW, type SearchQuery } from "./query";
import { snippetFromHeadline, SNIPPET_FRAGMENT, SNIPPET_START, SNIPPET_STOP } from "./snippet";
import {
  bookSummaryInclude,
  toBookSummary,
  toBookSummaryFromSql,
  type SqlSummaryRow,
} from "../books/queries";
import type { BookSummary } from "../shared/types";
import { titleLang } from "@/lib/site";
import type { CoverRef } from "@/lib/covers/urls";

export interface SearchHit {
  book: BookSummary;
  /** Matched words between SNIPPET_START and SNIPPET_STOP (see parseSnippet); plain text otherwise. */
  snippet: string;
  /** The whole title, its matched words marked as in `snippet`. */
  markedTitle: string;
  /** Each of `book.contributors`' names, in that order, its matched words marked as in `snippet`. */
  markedNames: string[];
}

export interface SearchResult {
  q: string;
  hits: SearchHit[];
  /** Matching books, counted up to SEARCH_WINDOW. */
  total: number;
  /** True when more than SEARCH_WINDOW books match: show "1,000+"; the pages end at the window. */
  totalIsCapped: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
  /** "Did you mean": the text with misspelled words replaced by known ones; null when none. */
  suggestion: string | null;
}

/** One autocomplete suggestion: what a book card shows, small (the same cover, credit and price). */
export interface SearchSuggestion {
  title: string;
  slug: string;
  subtitle: string | null;
  /** The first credited name ("by …"), as on the cover. */
  byline: string | null;
  /** The cover's inputs, as a card passes them to BookCover. */
  categorySlugs: string[];
  /** The title's lang attribute (titleLang): null for English. */
  lang: string | null;
  /** The cheapest edition's price, as a card's. */
  fromPrice: { amountMinor: number; currency: string } | null;
  /** The uploaded cover, when there is one (otherwise the drawn one), as on the card. */
  cover: CoverRef | null;
}

/** Trigram title candidates kept for a query with an unknown word. */
const TYPO_CANDIDATES = 20;
/**
 * Titles looked at for typo candidates: a misspelling of a common word ("philosphy") is close to
 * thousands of titles, and ranking them all by similarity is what made typo searches slow.
 */
const TYPO_CANDIDATE_POOL = 50;
/**
 * ts_headline options: the matched words between the snippet sentinels, two short fragments
 * between SNIPPET_FRAGMENT (snippetFromHeadline widens them to whole words and marks the cuts).
 */
const SNIPPET_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=${SNIPPET_FRAGMENT}`;
/** ts_headline options for a title: all of it, no fragments. */
const TITLE_MARK_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, HighlightAll=true`;
/** ts_rank_cd weights {D, C, B, A}: a title match counts ten times a description match. */
const RANK_WEIGHTS = "{0.1,0.2,0.4,1.0}";

function intArray(ids: number[]): Prisma.Sql {
  return ids.length ? Prisma.sql`ARRAY[${Prisma.join(ids)}]::int[]` : Prisma.sql`ARRAY[]::int[]`;
}

interface Plan {
  q: string;
  suggestion: string | null;
  typoIds: number[];
}

/**
 * The typo analysis as the CTE "analysis" (one row), run alone (plan) or ahead of a page
 * (loadSearchResult); the SQL is the function bookstore_search_analysis (migration
 * 20261202100000_search_functions). A folded word (3+ letters, no digits) of the positive text
 * that is not in SearchWord is unknown; only then are titles and corrections looked up:
 * - title candidates: titles containing a word like an unknown one (`<%`, word similarity ≥ 0.6,
 *   the GIN trigram index, at most TYPO_CANDIDATE_POOL per word), then kept when the whole text
 *   is like the title (`<<%`), best first;
 * - corrections: per unknown word the nearest SearchWord (`%`), preferring words of the three
 *   best candidate titles ("koren war" → "korean", not the equally close "korea").
 */
function analysisCte(q: string): Prisma.Sql {
  return Prisma.sql`analysis AS (
      SELECT has_unknown AS "hasUnknown", typo_ids AS "typoIds", corrections
        FROM bookstore_search_analysis(${positiveText(q)}, ${TYPO_CANDIDATE_POOL}, ${TYPO_CANDIDATES}))`;
}

interface AnalysisRow {
  hasUnknown: boolean;
  typoIds: number[] | null;
  corrections: Record<string, string> | null;
}

function toPlan(q: string, row: Partial<AnalysisRow> | undefined): Plan {
  const corrected = applyCorrections(q, new Map(Object.entries(row?.corrections ?? {})));
  return { q, suggestion: corrected !== q ? corrected : null, typoIds: row?.typoIds ?? [] };
}

async function plan(db: Db, q: string): Promise<Plan> {
  const [row] = await db.$queryRaw<AnalysisRow[]>`WITH ${analysisCte(q)} SELECT * FROM analysis`;
  return toPlan(q, row);
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

/** The better of a book's two languages' ranks for these queries (a missing vector ranks 0). */
function rank(en: Prisma.Sql, es: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`greatest(coalesce(ts_rank_cd(${RANK_WEIGHTS}::float4[], b."searchEn", ${en}, 1), 0),
                             coalesce(ts_rank_cd(${RANK_WEIGHTS}::float4[], b."searchEs", ${es}, 1), 0))`;
}

/** Typo title matches first (in similarity order), then full-text rank; corrected matches weigh 0.9. */
function relevance(p: Plan): Prisma.Sql {
  const textRank = (text: string, factor: number) =>
    Prisma.sql`${factor}::float8 * ${rank(
      Prisma.sql`websearch_to_tsquery('bookstore_en', ${text})`,
      Prisma.sql`websearch_to_tsquery('bookstore_es', ${text})`,
    )}`;
  const text = p.suggestion
    ? Prisma.sql`greatest(${textRank(p.q, 1)}, ${textRank(p.suggestion, 0.9)})`
    : textRank(p.q, 1);
  if (!p.typoIds.length) return text;
  return Prisma.sql`CASE WHEN b."id" = ANY (${intArray(p.typoIds)})
    THEN 10 - array_position(${intArray(p.typoIds)}, b."id") * 0.01 ELSE ${text} END`;
}

type HitRow = SqlSummaryRow & {
  snippet: string;
  /** The text the snippet was cut from (as the hits function reads it). */
  snippetSource: string;
  titleMarks: string;
  nameMarks: string[];
  counted: bigint;
} & Partial<AnalysisRow>;

/**
 * One page of the window in one query: the window (the first `window + 1` matches, no ORDER BY so
 * that the scan stops there), the typo title matches outside it, the page in the chosen order,
 * and each page book's summary (contributors, categories and editions aggregated) and snippet.
 * A one-row outer join carries the window's size when the page is empty.
 */
async function windowPage(
  db: Db,
  p: Plan,
  query: SearchQuery,
  window: number,
  analyse: boolean,
): Promise<{ hits: SearchHit[]; counted: number; analysis?: Partial<AnalysisRow> }> {
  const where = bookConditions({ ...query, sort: "newest" }, {}, undefined, matchCondition(p), "per-book");
  const score = query.sort === "relevance" ? relevance(p) : Prisma.sql`0`;
  const price = query.sort.startsWith("price") ? sortPrice({ ...query, sort: "newest" }) : Prisma.sql`0`;
  // pg orders the window's rows as "b": orderBy's columns are carried in the window.
  const order = query.sort === "relevance" ? Prisma.sql`b."score" DESC, b."id"` : orderBy(query.sort);
  const windowColumns = Prisma.sql`b."id", ${score} AS "score", ${price} AS "sortPrice",
    b."ratingAverage", b."ratingCount", b."title", b."publishedAt"`;
  const offset = (query.page - 1) * query.pageSize;
  const limit = Math.max(0, Math.min(query.pageSize, window - offset));
  // Marks only what was looked for: an excluded word or phrase may still be in a hit's text.
  const marked = positiveText(p.suggestion ?? p.q);
  const rows = await db.$queryRaw<HitRow[]>`
    WITH ${analyse ? Prisma.sql`${analysisCte(p.q)},` : Prisma.empty}
    w AS MATERIALIZED (
      SELECT ${windowColumns} FROM "Book" b
       WHERE ${where} ${analyse ? Prisma.sql`AND NOT (SELECT "hasUnknown" FROM analysis)` : Prisma.empty}
       LIMIT ${window + 1}),
    r AS (
      SELECT * FROM w
      ${
        p.typoIds.length
          ? Prisma.sql`UNION ALL
      SELECT ${windowColumns} FROM "Book" b
       WHERE b."id" = ANY (${intArray(p.typoIds)}) AND NOT EXISTS (SELECT 1 FROM w WHERE w."id" = b."id")
         AND ${where}`
          : Prisma.empty
      }),
    pg AS MATERIALIZED (
      SELECT b."id", row_number() OVER (ORDER BY ${order}) AS "n" FROM r AS b
       ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}),
    q AS (SELECT websearch_to_tsquery('bookstore_en', ${marked}) AS en,
                 websearch_to_tsquery('bookstore_es', ${marked}) AS es)
    SELECT (SELECT count(*) FROM r) AS "counted",
           ${analyse ? Prisma.sql`(SELECT "hasUnknown" FROM analysis) AS "hasUnknown", (SELECT "typoIds" FROM analysis) AS "typoIds", (SELECT corrections FROM analysis) AS corrections,` : Prisma.empty}
           b."id", b."slug", b."title", b."subtitle", b."teaser", b."languages", b."featured",
           b."listingRating", b."ratingCount", b."ratingAverage", b."updatedAt",
           b."coverVersion", b."coverWidth", b."coverHeight",
           h."contributors", h."categories", h."editions", h."snippet", h."title_marks" AS "titleMarks", h."name_marks" AS "nameMarks",
           translate(coalesce(b."description", b."teaser", b."subtitle", ''), chr(1) || chr(2) || chr(3), '') AS "snippetSource"
      FROM (SELECT 1) AS one
      LEFT JOIN (pg JOIN "Book" b ON b."id" = pg."id"
                 JOIN bookstore_search_hits((SELECT array_agg("id") FROM pg), (SELECT en FROM q), (SELECT es FROM q),
                                            ${SNIPPET_OPTIONS}, ${TITLE_MARK_OPTIONS}) h
                   ON h.book_id = b."id") ON true
     ORDER BY pg."n"`;
  return {
    counted: Number(rows[0]?.counted ?? 0),
    analysis: analyse ? rows[0] : undefined,
    hits: rows.flatMap((row) =>
      row.id === null
        ? []
        : [
            {
              book: toBookSummaryFromSql(row),
              snippet: snippetFromHeadline(row.snippet, row.snippetSource),
              markedTitle: row.titleMarks,
              markedNames: row.nameMarks,
            },
          ],
    ),
  };
}

/**
 * One page of published books matching `query.q` with the list filters applied, ranked by
 * relevance (or the chosen sort) within the search window (SEARCH_WINDOW; `totalIsCapped` when
 * more books match), with the total, a "did you mean" and snippets. `q` must have passed
 * checkSearchText (parseSearchParams does it). `window` is for tests.
 */
export async function loadSearchResult(
  db: Db,
  query: SearchQuery,
  window = SEARCH_WINDOW,
): Promise<SearchResult> {
  // One query analyses the text and, when every word is known (the plan is then the text itself),
  // also answers the page; a text with an unknown word takes a second query with its corrections
  // and typo title matches.
  let p: Plan = { q: query.q, suggestion: null, typoIds: [] };
  let page = await windowPage(db, p, query, window, true);
  if (page.analysis?.hasUnknown) {
    p = toPlan(query.q, page.analysis);
    page = await windowPage(db, p, query, window, false);
  }
  const { hits, counted } = page;
  const total = Math.min(counted, window);
  return {
    q: query.q,
    hits,
    total,
    totalIsCapped: counted > window,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    suggestion: p.suggestion,
  };
}

/**
 * The least a search of this design does: the window's first page ranked, ids only, with the
 * query's list filters but no typo analysis, summaries or snippets. For bench:search's floor line.
 */
export function rankedWindowIds(
  db: Db,
  query: SearchQuery,
  window = SEARCH_WINDOW,
): Promise<{ id: number }[]> {
  const p: Plan = { q: query.q, suggestion: null, typoIds: [] };
  const where = bookConditions({ ...query, sort: "newest" }, {}, undefined, matchCondition(p), "per-book");
  return db.$queryRaw`
    SELECT "id" FROM (SELECT b."id", ${relevance(p)} AS "score" FROM "Book" b WHERE ${where} LIMIT ${window + 1}) w
     ORDER BY "score" DESC, "id" LIMIT ${query.pageSize}`;
}

/** The S1 facets counted over the search's window (the first SEARCH_WINDOW matches, see loadBrowseFacets). */
export async function loadSearchFacets(
  db: Db,
  query: SearchQuery,
  window = SEARCH_WINDOW,
): Promise<BrowseFacets> {
  const match = matchCondition(await plan(db, query.q));
  return loadBrowseFacets(db, { ...query, sort: "newest" }, {}, match, window);
}

/** Published books whose words start with a partly typed text: every word, the last as a prefix. */
async function prefixMatches(db: Db, text: string, limit: number): Promise<number[]> {
  const words = (text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const last = words.pop();
  if (!last || (words.length === 0 && last.length < 2)) return [];
  const terms = [...words.map((w) => `'${w}':AB`), `'${last}':*AB`].join(" & ");
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH q AS (SELECT to_tsquery('bookstore_en', ${terms}) AS en, to_tsquery('bookstore_es', ${terms}) AS es)
    SELECT b."id"
      FROM "Book" b CROSS JOIN q
     WHERE b."status" = 'published' AND (b."searchEn" @@ q.en OR b."searchEs" @@ q.es)
     ORDER BY ${rank(Prisma.sql`q.en`, Prisma.sql`q.es`)} DESC,
              b."featured" DESC, b."ratingCount" DESC, b."id"
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Up to `limit` published books for a partly typed text, for the header's autocomplete: titles,
 * names and series starting with the words typed. When that finds fewer than `limit`, the text
 * goes through the full search's typo analysis, so "koren" suggests the Korean War book (its typo
 * title matches first, then books matching the corrected text).
 */
export async function loadSuggestions(db: Db, text: string, limit = 8): Promise<SearchSuggestion[]> {
  const cap = Math.min(Math.max(limit, 1), 8);
  const ids = await prefixMatches(db, text, cap);
  if (ids.length < cap && /\p{L}{3}/u.test(text)) {
    const p = await plan(db, text);
    const corrected = p.suggestion ? await prefixMatches(db, p.suggestion, cap) : [];
    for (const id of [...p.typoIds, ...corrected]) if (!ids.includes(id)) ids.push(id);
  }
  const page = ids.slice(0, cap);
  if (page.length === 0) return [];
  const rows = await db.book.findMany({
    where: { id: { in: page }, status: "published" },
    include: bookSummaryInclude,
  });
  const byId = new Map(rows.map((r) => [r.id, toBookSummary(r)]));
  return page.flatMap((id) => {
    const book = byId.get(id);
    if (!book) return [];
    return [
      {
        title: book.title,
        slug: book.slug,
        subtitle: book.subtitle,
        byline: book.contributors[0]?.name ?? null,
        categorySlugs: book.categories.map((c) => c.slug),
        lang: titleLang(book.languages) ?? null,
        fromPrice: book.fromPrice,
        cover: book.cover,
      },
    ];
  });
}

/**
 * Rebuilds the SearchWord vocabulary (typo detection, "did you mean") from published books. Every
 * write to "Book" keeps it exact through triggers (migration 20261206090000_search_words_exact),
 * so this is for seeds and repairs; scripts follow it with VACUUM ANALYZE.
 */
export async function refreshSearchVocabulary(db: Db): Promise<void> {
  await db.$executeRaw`SELECT bookstore_refresh_search_words()`;
  await db.$executeRaw`ANALYZE "SearchWord"`;
}
