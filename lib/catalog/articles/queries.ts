import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { bookSummaryInclude, toBookSummary } from "../books/queries";
import { isValidSlug } from "../shared/slug";
import type { ArticleView } from "../shared/types";

const blocksSchema = z.array(z.object({ type: z.enum(["heading", "paragraph"]), text: z.string() }));

/** A published editorial article (not a shop page: lib/catalog/shop-pages) with the book it is about (when that book is published). */
export async function loadPublishedArticle(db: Db, slug: string): Promise<ArticleView | null> {
  if (!isValidSlug(slug)) return null;
  const row = await db.article.findFirst({
    where: { slug, kind: "editorial", status: "published" },
    include: { book: { include: bookSummaryInclude } },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    blocks: blocksSchema.parse(row.blocks),
    book: row.book?.status === "published" ? toBookSummary(row.book) : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Published articles, newest first (capped). */
export async function loadPublishedArticles(db: Db, { take = 10 }: { take?: number } = {}) {
  const rows = await db.article.findMany({
    where: { kind: "editorial", status: "published" },
    select: { slug: true, title: true, excerpt: true, publishedAt: true, updatedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(take, 1), 50),
  });
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}
