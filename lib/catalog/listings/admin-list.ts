// The admin's list of listings: every status, searchable by title or slug, filtered, paginated.
import { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import type { BookStatus, Money } from "../shared/types";
import { BOOK_STATUSES } from "./schema";

export const ADMIN_PAGE_SIZE_MAX = 100;

// Control characters count as spaces: PostgreSQL refuses NUL in text.
const oneString = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v)?.replace(/[\s\p{Cc}]+/gu, " ").trim() || undefined);

/** An ebook edition still on sale whose file is missing or only the demo store's sample. */
export const ebookWithoutFileWhere: Prisma.EditionWhereInput = {
  format: "ebook",
  availability: { not: "discontinued" },
  OR: [{ ebookFile: { is: null } }, { ebookFile: { is: { sample: true } } }],
};

/** What `?missing=` finds: books still lacking something staff supply (the dashboard links here). */
export const MISSING_FILTERS = {
  cover: { coverVersion: null },
  "ebook-file": { editions: { some: ebookWithoutFileWhere } },
} satisfies Record<string, Prisma.BookWhereInput>;
export type MissingFilter = keyof typeof MISSING_FILTERS;
const MISSING_KEYS = Object.keys(MISSING_FILTERS) as [MissingFilter, ...MissingFilter[]];

/** The list's URL query (?q=&status=&category=&language=&missing=&page=), parsed leniently. */
export const adminListQuerySchema = z.object({
  q: oneString.transform((v) => v?.slice(0, 200)),
  status: oneString.pipe(z.enum(BOOK_STATUSES).optional().catch(undefined)),
  category: oneString,
  language: oneString,
  missing: oneString.pipe(z.enum(MISSING_KEYS).optional().catch(undefined)),
  page: oneString.transform((v) => Math.max(1, Math.floor(Number(v)) || 1)),
  pageSize: oneString.transform((v) =>
    Math.min(Math.max(1, Math.floor(Number(v)) || 25), ADMIN_PAGE_SIZE_MAX),
  ),
});
export type AdminListQuery = z.output<typeof adminListQuerySchema>;

export interface AdminBookRow {
  id: number;
  slug: string;
  title: string;
  status: BookStatus;
  languages: string[];
  categories: string[];
  fromPrice: Money | null;
  version: number;
  updatedAt: string;
}

export interface AdminBookPage {
  rows: AdminBookRow[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export async function listAdminBooks(db: Db, query: AdminListQuery): Promise<AdminBookPage> {
  const where: Prisma.BookWhereInput = {
    ...(query.q
      ? {
          OR: [
            { title: { contains: query.q, mode: "insensitive" } },
            { slug: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { categories: { some: { category: { slug: query.category } } } } : {}),
    ...(query.language ? { languages: { has: query.language.toLowerCase() } } : {}),
    ...(query.missing ? MISSING_FILTERS[query.missing] : {}),
  };
  const total = await db.book.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db.book.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      languages: true,
      version: true,
      updatedAt: true,
      categories: { select: { category: { select: { name: true } } }, orderBy: { position: "asc" } },
      editions: { select: { priceMinor: true, currency: true }, orderBy: { priceMinor: "asc" }, take: 1 },
    },
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      languages: r.languages,
      categories: r.categories.map((c) => c.category.name),
      fromPrice: r.editions[0]
        ? { amountMinor: r.editions[0].priceMinor, currency: r.editions[0].currency }
        : null,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    })),
    page,
    pageSize: query.pageSize,
    total,
    pageCount,
  };
}
