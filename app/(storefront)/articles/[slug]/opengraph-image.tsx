import { notFound } from "next/navigation";
import { coverPalette } from "@/components/ui/book-cover";
import { findPublishedArticle } from "@/lib/catalog";
import { OG_SIZE, ogImage } from "@/lib/seo/og-image";
import { SITE_NAME } from "@/lib/site";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "The article's title and the book it is about";
export const revalidate = 3600;

export default async function ArticleOgImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = await findPublishedArticle(slug);
  if (!article) notFound();
  return ogImage({
    eyebrow: "From the editors",
    title: article.title,
    subtitle: article.book ? `About ${article.book.title}` : null,
    byline: article.book?.contributors[0]?.name ?? null,
    palette: coverPalette(article.book?.categories.map((c) => c.slug) ?? []),
    siteName: SITE_NAME,
  });
}
