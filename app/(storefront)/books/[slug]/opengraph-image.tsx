import { notFound } from "next/navigation";
import { coverPalette } from "@/components/ui/book-cover";
import { findPublishedBook, formatMoney } from "@/lib/catalog";
import { OG_SIZE, ogImage } from "@/lib/seo/og-image";
import { SITE_NAME } from "@/lib/site";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The book's cover, title and price";
export const revalidate = 3600;

export default async function BookOgImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const book = await findPublishedBook(slug);
  if (!book) notFound();
  const edition = book.editions[0];
  return ogImage({
    eyebrow: book.series ? `${book.series.name} series` : "Book",
    title: book.title,
    subtitle: book.subtitle,
    byline: book.contributors[0]?.name,
    footer: edition
      ? `${edition.formatName} · ${formatMoney(edition.price.amountCents, edition.price.currency)}`
      : null,
    palette: coverPalette(book.categories.map((c) => c.slug)),
    siteName: SITE_NAME,
  });
}
