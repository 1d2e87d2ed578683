// GET /og/books/:slug - the book's Open Graph image (PNG, 1200×630), at a stable URL that metadata
// and JSON-LD can both name (a file-convention opengraph-image gets a hashed path in route groups)
import { coverPalette } from "@/components/ui/book-cover";
import { findPublishedBook } from "@/lib/catalog/books/service";
import { formatMoney } from "@/lib/catalog/shared";
import { ogImage } from "@/lib/seo/og-image";
import { SITE_NAME } from "@/lib/site";

export const revalidate = 3600;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const book = await findPublishedBook(slug);
  if (!book) return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain" } });
  const edition = book.editions[0];
  return ogImage({
    eyebrow: book.series ? `${book.series.name} series` : "Book",
    title: book.title,
    subtitle: book.subtitle,
    byline: book.contributors[0]?.name,
    footer: edition
      ? `${edition.formatName} · ${formatMoney(edition.price.amountMinor, edition.price.currency)}`
      : null,
    palette: coverPalette(book.categories.map((c) => c.slug)),
    siteName: SITE_NAME,
  });
}
