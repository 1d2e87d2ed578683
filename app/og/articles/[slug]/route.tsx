// GET /og/articles/:slug - the article's Open Graph image (PNG, 1200×630)
import { coverPalette } from "@/components/ui/book-cover";
import { findPublishedArticle } from "@/lib/catalog/articles/service";
import { ogImage } from "@/lib/seo/og-image";
import { SITE_NAME } from "@/lib/site";

export const revalidate = 3600;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = await findPublishedArticle(slug);
  if (!article)
    return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain" } });
  return ogImage({
    eyebrow: "From the editors",
    title: article.title,
    subtitle: article.book ? `About ${article.book.title}` : null,
    byline: article.book?.contributors[0]?.name ?? null,
    palette: coverPalette(article.book?.categories.map((c) => c.slug) ?? []),
    siteName: SITE_NAME,
  });
}
