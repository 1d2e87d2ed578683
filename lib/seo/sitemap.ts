// Sitemaps: every published book, category, series, contributor and article, with lastmod from
// the data. Books are split into files of at most SITEMAP_MAX_URLS; an index names them all.
import type { Db } from "@/lib/db/types";
import { escapeXml, XML_DECLARATION } from "@/lib/xml";

export const SITEMAP_MAX_URLS = 10_000;

export interface SitemapEntry {
  path: string;
  lastModified: Date | null;
}

export async function countPublishedBooks(db: Db): Promise<number> {
  return db.book.count({ where: { status: "published" } });
}

/** Book sitemap n (1-based): published books in id order. */
export async function bookSitemapEntries(db: Db, n: number): Promise<SitemapEntry[]> {
  const rows = await db.book.findMany({
    where: { status: "published" },
    select: { slug: true, updatedAt: true },
    orderBy: { id: "asc" },
    skip: (n - 1) * SITEMAP_MAX_URLS,
    take: SITEMAP_MAX_URLS,
  });
  return rows.map((r) => ({ path: `/books/${r.slug}`, lastModified: r.updatedAt }));
}

/** Everything that is not a book page: home, lists, taxonomy pages with published books, articles. */
export async function pageSitemapEntries(db: Db): Promise<SitemapEntry[]> {
  const published = { some: { book: { status: "published" as const } } };
  const [latestBook, categories, series, contributors, articles] = await Promise.all([
    db.book.findFirst({
      where: { status: "published" },
      orderBy: { updatedAt: "desc" },
      select: { updatedAt: true },
    }),
    db.category.findMany({
      where: { books: published },
      select: { slug: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: SITEMAP_MAX_URLS,
    }),
    db.series.findMany({
      where: { books: { some: { status: "published" } } },
      select: { slug: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: SITEMAP_MAX_URLS,
    }),
    db.contributor.findMany({
      where: { books: published },
      select: { slug: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: SITEMAP_MAX_URLS,
    }),
    db.article.findMany({
      where: { status: "published" },
      select: { slug: true, kind: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: SITEMAP_MAX_URLS,
    }),
  ]);
  const catalogChanged = latestBook?.updatedAt ?? null;
  return [
    { path: "/", lastModified: catalogChanged },
    { path: "/books", lastModified: catalogChanged },
    { path: "/categories", lastModified: catalogChanged },
    ...categories.map((c) => ({ path: `/categories/${c.slug}`, lastModified: c.updatedAt })),
    ...series.map((s) => ({ path: `/series/${s.slug}`, lastModified: s.updatedAt })),
    ...contributors.map((c) => ({ path: `/contributors/${c.slug}`, lastModified: c.updatedAt })),
    ...articles.map((a) => ({
      path: a.kind === "page" ? `/pages/${a.slug}` : `/articles/${a.slug}`,
      lastModified: a.updatedAt,
    })),
  ];
}

/** A sitemaps.org <urlset>. */
export function urlsetXml(siteUrl: string, entries: SitemapEntry[]): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(new URL(e.path, `${siteUrl}/`).toString())}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</url>`,
    )
    .join("\n");
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** A sitemaps.org <sitemapindex>. */
export function sitemapIndexXml(siteUrl: string, names: string[], lastModified: Date | null): string {
  const items = names
    .map(
      (name) =>
        `<sitemap><loc>${escapeXml(`${siteUrl}/sitemaps/${name}`)}</loc>${lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : ""}</sitemap>`,
    )
    .join("\n");
  return `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`;
}

export function sitemapNames(bookCount: number): string[] {
  const bookFiles = Math.max(1, Math.ceil(bookCount / SITEMAP_MAX_URLS));
  return ["pages.xml", ...Array.from({ length: bookFiles }, (_, i) => `books-${i + 1}.xml`)];
}
