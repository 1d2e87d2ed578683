// GET /covers/:slug?v=… - a published book's cover as SVG (components/ui/book-cover). At its
// current version the bytes never change, so browsers and shared caches keep it for a year; any
// other version (an address from before an edit) is answered with today's cover for a minute.
import { coverSvg, coverVersion } from "@/components/ui/book-cover";
import { primaryName } from "@/components/ui/credits";
import { findPublishedBook } from "@/lib/catalog";
import { titleLang } from "@/lib/site";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const book = await findPublishedBook(slug);
  if (!book) {
    return new Response("No such cover.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" },
    });
  }
  const cover = {
    slug: book.slug,
    title: book.title,
    subtitle: book.subtitle,
    byline: primaryName(book.contributors),
    categorySlugs: book.categories.map((c) => c.slug),
    lang: titleLang(book.languages),
  };
  const current = new URL(request.url).searchParams.get("v") === coverVersion(cover);
  return new Response(coverSvg(cover), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=60",
      // An image, never a document: nothing in it may run or load anything.
      "content-security-policy": "default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
}
