// Catalog reads over a database handle. Everything here turns rows into lib/catalog/types shapes.
import type { Db } from "@/lib/db/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { isValidSlug } from "../shared/slug";
import type { BookDetail, BookSummary, ContributorCredit, EditionView } from "../shared/types";
import { CONTRIBUTOR_ROLES, formatName } from "../shared/vocabulary";

/** Page-size cap for every list the catalog returns. */
export const MAX_PAGE_SIZE = 100;

export const bookSummaryInclude = {
  contributors: { include: { contributor: true }, orderBy: { position: "asc" } },
  categories: { include: { category: true }, orderBy: { position: "asc" } },
  editions: { orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.BookInclude;

const detailInclude = {
  ...bookSummaryInclude,
  series: true,
  articles: { where: { status: "published" }, select: { slug: true, title: true }, orderBy: { id: "asc" } },
} satisfies Prisma.BookInclude;

export type SummaryRow = Prisma.BookGetPayload<{ include: typeof bookSummaryInclude }>;
type DetailRow = Prisma.BookGetPayload<{ include: typeof detailInclude }>;

function toCredit(row: SummaryRow["contributors"][number]): ContributorCredit {
  const role = CONTRIBUTOR_ROLES[row.role];
  return {
    slug: row.contributor.slug,
    name: row.contributor.name,
    role: row.role,
    roleLabel: role.label,
    onixRole: role.onixCode,
    note: row.note,
  };
}

function toEdition(row: SummaryRow["editions"][number]): EditionView {
  return {
    id: row.id,
    format: row.format,
    formatName: formatName(row),
    formatIsPlaceholder: row.formatIsPlaceholder,
    editionLabel: row.editionLabel,
    isbn13: row.isbn13,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    availability: row.availability,
    publisher: row.publisher,
    publicationDate: row.publicationDate?.toISOString().slice(0, 10) ?? null,
    pageCount: row.pageCount,
    fileSizeKb: row.fileSizeKb,
    readingFeatures: {
      textToSpeech: row.textToSpeech,
      screenReader: row.screenReader,
      enhancedTypesetting: row.enhancedTypesetting,
      wordWise: row.wordWise,
    },
  };
}

export function toBookSummary(row: SummaryRow): BookSummary {
  const cheapest = row.editions.reduce<SummaryRow["editions"][number] | null>(
    (best, e) => (best === null || e.priceMinor < best.priceMinor ? e : best),
    null,
  );
  const first = row.editions[0];
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    teaser: row.teaser,
    languages: row.languages,
    featured: row.featured,
    contributors: row.contributors.map(toCredit),
    categories: row.categories.map((c) => ({ slug: c.category.slug, name: c.category.name })),
    fromPrice: cheapest ? { amountMinor: cheapest.priceMinor, currency: cheapest.currency } : null,
    primaryFormatName: first ? formatName(first) : null,
    listingRating: row.listingRating,
    rating: { count: row.ratingCount, average: Number(row.ratingAverage) },
    updatedAt: row.updatedAt.toISOString(),
    cover:
      row.coverVersion && row.coverWidth && row.coverHeight
        ? { version: row.coverVersion, width: row.coverWidth, height: row.coverHeight }
        : null,
  };
}

/**
 * The SQL functions that aggregate a book's editions (bookstore_book_summaries and
 * bookstore_search_hits) name the price by its column, which keeps its old name.
 */
const PRICE_COLUMN = "priceCents"; // keep-name: the SQL column's name
type SqlEdition = Omit<SummaryRow["editions"][number], "priceMinor"> & Record<typeof PRICE_COLUMN, number>;
/** A summary row as those SQL functions return it. */
export type SqlSummaryRow = Omit<SummaryRow, "editions"> & { editions: SqlEdition[] };

export function toBookSummaryFromSql(row: SqlSummaryRow): BookSummary {
  return toBookSummary({
    ...row,
    updatedAt: new Date(row.updatedAt),
    editions: row.editions.map(({ [PRICE_COLUMN]: priceMinor, ...edition }) => ({ ...edition, priceMinor })),
  });
}

function toDetail(row: DetailRow): BookDetail {
  return {
    ...toBookSummary(row),
    description: row.description,
    status: row.status,
    version: row.version,
    series: row.series
      ? { slug: row.series.slug, name: row.series.name, position: row.seriesPosition }
      : null,
    editions: row.editions.map(toEdition),
    articles: row.articles,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Published books, featured first, then newest; at most `take` (capped). */
export async function loadPublishedBooks(
  db: Db,
  { take = 24 }: { take?: number } = {},
): Promise<BookSummary[]> {
  const rows = await db.book.findMany({
    where: { status: "published" },
    include: bookSummaryInclude,
    orderBy: [{ featured: "desc" }, { publishedAt: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(take, 1), MAX_PAGE_SIZE),
  });
  return rows.map(toBookSummary);
}

/** A published book by slug, or null: drafts and hidden books do not exist for shoppers. */
export async function loadPublishedBook(db: Db, slug: string): Promise<BookDetail | null> {
  // Anything that is not a slug cannot name a book (and NUL bytes would be a database error).
  if (!isValidSlug(slug)) return null;
  const row = await db.book.findFirst({ where: { slug, status: "published" }, include: detailInclude });
  return row ? toDetail(row) : null;
}

/** Any book by id, whatever its status: staff previewing a draft (never cached, never public). */
export async function loadBookForPreview(db: Db, id: number): Promise<BookDetail | null> {
  const row = await db.book.findUnique({ where: { id }, include: detailInclude });
  return row ? toDetail(row) : null;
}

export async function getPublishedBookOrThrow(db: Db, slug: string): Promise<BookDetail> {
  const book = await loadPublishedBook(db, slug);
  if (!book) throw new AppError("not_found", `No published book has the slug "${slug}".`);
  return book;
}

/**
 * How many books "More like this" shows: one row on a wide screen, two on a phone. Each costs the
 * product page about 1.4 KB (its card in the HTML and again in the RSC payload).
 */
export const RELATED_BOOKS = 4;

/**
 * "More like this" for a product page: books in the same series first, then by the same
 * contributors, then on the same shelves, the book's main category weighing more than its
 * others. Only books that share one of these are shown: a short list is better than one filled
 * with unrelated shelves (a Cold War history next to Spanish wordbooks). Capped.
 */
export async function loadRelatedBooks(
  db: Db,
  slug: string,
  { take = RELATED_BOOKS }: { take?: number } = {},
): Promise<BookSummary[]> {
  const limit = Math.min(Math.max(take, 1), 24);
  if (!isValidSlug(slug)) return [];
  const book = await db.book.findUnique({
    where: { slug },
    select: {
      id: true,
      seriesId: true,
      categories: { select: { categoryId: true, position: true }, orderBy: { position: "asc" } },
      contributors: { select: { contributorId: true } },
    },
  });
  if (!book) return [];
  const mainCategoryId = book.categories[0]?.categoryId ?? -1;
  const categoryIds = book.categories.map((c) => c.categoryId);
  const contributorIds = book.contributors.map((c) => c.contributorId);
  // Scores keep the tiers apart: one shared series outweighs any number of shared contributors,
  // one shared contributor any number of shared categories (a book has at most a few dozen).
  const ranked = await db.$queryRaw<{ id: number }[]>`
    SELECT b."id"
      FROM (
        SELECT "id" AS "bookId", 1000000 AS score FROM "Book" WHERE "seriesId" = ${book.seriesId ?? -1}
        UNION ALL
        SELECT DISTINCT "bookId", 1000 FROM "BookContributor" WHERE "contributorId" IN (${Prisma.join(contributorIds.length ? contributorIds : [-1])})
        UNION ALL
        SELECT "bookId", CASE WHEN "categoryId" = ${mainCategoryId} THEN 10 ELSE 1 END
          FROM "BookCategory" WHERE "categoryId" IN (${Prisma.join(categoryIds.length ? categoryIds : [-1])})
      ) s
      JOIN "Book" b ON b."id" = s."bookId"
     WHERE b."status" = 'published' AND b."minPriceCents" IS NOT NULL AND b."id" <> ${book.id}
     GROUP BY b."id"
     ORDER BY sum(s.score) DESC, b."ratingCount" DESC, b."publishedAt" DESC NULLS LAST, b."id" ASC
     LIMIT ${limit}`;
  const ids = ranked.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.book.findMany({ where: { id: { in: ids } }, include: bookSummaryInclude });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toBookSummary(row)] : [];
  });
}
