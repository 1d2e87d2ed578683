// Categories (a tree), series and contributors: the pages that group books.
import type { Db } from "@/lib/db/types";
import type { ContributorRole } from "@/lib/generated/prisma/enums";
import { bookSummaryInclude, toBookSummary } from "../books/queries";
import type { BookSummary, CategoryRef } from "../shared/types";
import { isValidSlug } from "../shared/slug";
import { CONTRIBUTOR_ROLES } from "../shared/vocabulary";

export interface CategoryView extends CategoryRef {
  id: number;
  description: string | null;
  /** Root first, ending with the category's parent. */
  ancestors: CategoryRef[];
  children: CategoryRef[];
  /** This category and every descendant: what "books in this category" means. */
  subtreeIds: number[];
  updatedAt: string;
}

const MAX_DEPTH = 8;

export async function loadCategory(db: Db, slug: string): Promise<CategoryView | null> {
  if (!isValidSlug(slug)) return null;
  const category = await db.category.findUnique({
    where: { slug },
    include: {
      children: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { slug: true, name: true } },
    },
  });
  if (!category) return null;

  const ancestors: CategoryRef[] = [];
  let parentId = category.parentId;
  for (let depth = 0; parentId !== null && depth < MAX_DEPTH; depth++) {
    const parent = await db.category.findUnique({
      where: { id: parentId },
      select: { slug: true, name: true, parentId: true },
    });
    if (!parent) break;
    ancestors.unshift({ slug: parent.slug, name: parent.name });
    parentId = parent.parentId;
  }

  const subtreeIds = [category.id];
  let frontier = [category.id];
  for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
    const children = await db.category.findMany({
      where: { parentId: { in: frontier } },
      select: { id: true },
    });
    frontier = children.map((c) => c.id).filter((id) => !subtreeIds.includes(id));
    subtreeIds.push(...frontier);
  }

  return {
    id: category.id,
    slug: category.slug,
    name: category.name,
    description: category.description,
    ancestors,
    children: category.children,
    subtreeIds,
    updatedAt: category.updatedAt.toISOString(),
  };
}

/** Every category that holds a published book, with its parent, for navigation and sitemaps. */
export async function loadCategories(
  db: Db,
): Promise<(CategoryRef & { parentSlug: string | null; bookCount: number; updatedAt: string })[]> {
  const rows = await db.category.findMany({
    include: {
      parent: { select: { slug: true } },
      _count: { select: { books: { where: { book: { status: "published" } } } } },
    },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    take: 500,
  });
  return rows.map((c) => ({
    slug: c.slug,
    name: c.name,
    parentSlug: c.parent?.slug ?? null,
    bookCount: c._count.books,
    updatedAt: c.updatedAt.toISOString(),
  }));
}

export interface SeriesView {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  books: (BookSummary & { seriesPosition: number | null })[];
  updatedAt: string;
}

export async function loadSeries(db: Db, slug: string, { take = 100 } = {}): Promise<SeriesView | null> {
  if (!isValidSlug(slug)) return null;
  const series = await db.series.findUnique({ where: { slug } });
  if (!series) return null;
  const books = await db.book.findMany({
    where: { seriesId: series.id, status: "published" },
    include: bookSummaryInclude,
    orderBy: [{ seriesPosition: { sort: "asc", nulls: "last" } }, { publishedAt: "asc" }, { id: "asc" }],
    take: Math.min(take, 100),
  });
  return {
    id: series.id,
    slug: series.slug,
    name: series.name,
    description: series.description,
    books: books.map((b) => ({ ...toBookSummary(b), seriesPosition: b.seriesPosition })),
    updatedAt: series.updatedAt.toISOString(),
  };
}

export interface ContributorView {
  id: number;
  slug: string;
  name: string;
  bio: string | null;
  /** Each published book with the role(s) this contributor had on it. */
  books: { book: BookSummary; roles: { role: ContributorRole; label: string; onixCode: string }[] }[];
  updatedAt: string;
}

export async function loadContributor(
  db: Db,
  slug: string,
  { take = 100 } = {},
): Promise<ContributorView | null> {
  const contributor = await db.contributor.findUnique({ where: { slug } });
  if (!contributor) return null;
  const credits = await db.bookContributor.findMany({
    where: { contributorId: contributor.id, book: { status: "published" } },
    include: { book: { include: bookSummaryInclude } },
    orderBy: [{ book: { publishedAt: "desc" } }, { bookId: "asc" }, { position: "asc" }],
    take: Math.min(take, 100) * 5,
  });
  const byBook = new Map<number, ContributorView["books"][number]>();
  for (const credit of credits) {
    const entry = byBook.get(credit.bookId) ?? { book: toBookSummary(credit.book), roles: [] };
    entry.roles.push({
      role: credit.role,
      label: CONTRIBUTOR_ROLES[credit.role].label,
      onixCode: CONTRIBUTOR_ROLES[credit.role].onixCode,
    });
    byBook.set(credit.bookId, entry);
  }
  return {
    id: contributor.id,
    slug: contributor.slug,
    name: contributor.name,
    bio: contributor.bio,
    books: [...byBook.values()].slice(0, take),
    updatedAt: contributor.updatedAt.toISOString(),
  };
}

export interface CategoryTreeNode extends CategoryRef {
  /** Published books a list shows in this category and every category below it, each once. */
  bookCount: number;
  children: CategoryTreeNode[];
}

/**
 * The category tree for /categories: every category that holds a book a shopper can see (in it
 * or below it), children in their order, with counts that match the category pages' lists.
 */
export async function loadCategoryTree(db: Db): Promise<CategoryTreeNode[]> {
  const rows = await db.$queryRaw<
    { id: number; slug: string; name: string; parentId: number | null; bookCount: number }[]
  >`
    WITH RECURSIVE sub AS (
      SELECT "id" AS root, "id", 0 AS depth FROM "Category"
      UNION ALL
      SELECT sub.root, c."id", sub.depth + 1 FROM "Category" c JOIN sub ON c."parentId" = sub."id"
       WHERE sub.depth < ${MAX_DEPTH}
    ),
    counts AS (
      SELECT sub.root, count(DISTINCT b."id")::int AS n
        FROM sub
        JOIN "BookCategory" bc ON bc."categoryId" = sub."id"
        JOIN "Book" b ON b."id" = bc."bookId"
       WHERE b."status" = 'published' AND b."minPriceCents" IS NOT NULL
       GROUP BY sub.root
    )
    SELECT c."id", c."slug", c."name", c."parentId", counts.n AS "bookCount"
      FROM "Category" c JOIN counts ON counts.root = c."id"
     ORDER BY c."position", c."name", c."id"
     LIMIT 500`;
  const nodes = new Map<number, CategoryTreeNode>(
    rows.map((r) => [r.id, { slug: r.slug, name: r.name, bookCount: r.bookCount, children: [] }]),
  );
  const roots: CategoryTreeNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
