// GET /covers/:slug?v=… - a published book's cover. Without `f`: the generated typographic SVG
// (components/ui/book-cover). With `f=avif|webp|original` (and `w`): its uploaded cover
// (lib/covers), the AVIF or WebP variant at a width pages ask for in their srcset, or the file as
// uploaded (the ONIX export links it). At its current version the bytes never change, so browsers
// and shared caches keep it for a year; any other version (an address from before an edit or a new
// upload) is answered with today's image for a minute. Uploaded images come from the database, so
// every instance serves the same bytes. A book that is not published has its uploaded cover served
// to signed-in staff only (the draft preview), never cached.
import { coverSvg, coverVersion } from "@/components/ui/book-cover";
import { primaryName } from "@/components/ui/credits";
import { getCurrentSession } from "@/lib/auth";
import { findPublishedBook } from "@/lib/catalog/books/service";
import { isValidSlug } from "@/lib/catalog/shared";
import { getCoverImage, getUnpublishedCover } from "@/lib/covers";
import { titleLang } from "@/lib/site";

const FORMATS = new Set(["avif", "webp", "original"]);
type Format = "avif" | "webp" | "original";

const notFound = () =>
  new Response("No such cover.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" },
  });

// An image, never a document: nothing in it may run or load anything.
const IMAGE_HEADERS = {
  "content-security-policy": "default-src 'none'",
  "x-content-type-options": "nosniff",
};

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const format = query.get("f");
  const book = await findPublishedBook(slug);
  if (format === null) {
    if (!book) return notFound();
    const cover = {
      slug: book.slug,
      title: book.title,
      subtitle: book.subtitle,
      byline: primaryName(book.contributors),
      categorySlugs: book.categories.map((c) => c.slug),
      lang: titleLang(book.languages),
    };
    const current = query.get("v") === coverVersion(cover);
    return new Response(coverSvg(cover), {
      headers: {
        "content-type": "image/svg+xml; charset=utf-8",
        "cache-control": current ? "public, max-age=31536000, immutable" : "public, max-age=60",
        ...IMAGE_HEADERS,
      },
    });
  }

  const width = Number(query.get("w")) || null;
  if (!FORMATS.has(format) || (width !== null && (!Number.isSafeInteger(width) || width < 1)))
    return notFound();
  const staffOnly =
    !book && isValidSlug(slug) && (await getCurrentSession())?.staff ? await getUnpublishedCover(slug) : null;
  const uploaded = book?.cover ? { bookId: book.id, version: book.cover.version } : staffOnly;
  if (!uploaded) return notFound();
  const image = await getCoverImage(uploaded.bookId, format as Format, width);
  if (!image) return notFound();
  const current = query.get("v") === uploaded.version && image.version === uploaded.version;
  return new Response(image.content as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": image.mediaType,
      "cache-control": staffOnly
        ? "private, no-store"
        : current
          ? "public, max-age=31536000, immutable"
          : "public, max-age=60",
      ...IMAGE_HEADERS,
    },
  });
}
