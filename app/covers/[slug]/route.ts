// GET /covers/:slug?v=…&f=avif|webp|original&w=… - a published book's uploaded cover (lib/covers):
// the AVIF or WebP variant at a width pages ask for in their srcset, or the file as uploaded (the
// ONIX export links it). At its current version the bytes never change, so browsers and shared
// caches keep it for a year; any other version (an address from before a new upload) gets today's
// image for a minute. Images come from the database, so every instance serves the same bytes. A
// book that is not published has its cover served to signed-in staff only (the draft preview).
import { findPublishedBook } from "@/lib/catalog";
import { getCurrentSession } from "@/lib/auth";
import { isValidSlug } from "@/lib/catalog/slug";
import { getCoverImage, getUnpublishedCover } from "@/lib/covers";

const FORMATS = new Set(["avif", "webp", "original"] as const);
type Format = "avif" | "webp" | "original";

const notFound = () =>
  new Response("No such cover.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" },
  });

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const format = (query.get("f") ?? "webp") as Format;
  const width = Number(query.get("w")) || null;
  if (!FORMATS.has(format) || (width !== null && (!Number.isSafeInteger(width) || width < 1)))
    return notFound();
  const book = await findPublishedBook(slug);
  // A draft's or hidden book's cover exists for signed-in staff only (the preview), never cached.
  const staffOnly =
    !book && isValidSlug(slug) && (await getCurrentSession())?.staff ? await getUnpublishedCover(slug) : null;
  const cover = book?.cover ? { bookId: book.id, version: book.cover.version } : staffOnly;
  if (!cover) return notFound();
  const image = await getCoverImage(cover.bookId, format, width);
  if (!image) return notFound();
  const current = query.get("v") === cover.version && image.version === cover.version;
  return new Response(image.content as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": image.mediaType,
      "cache-control": staffOnly
        ? "private, no-store"
        : current
          ? "public, max-age=31536000, immutable"
          : "public, max-age=60",
      // An image, never a document: nothing in it may run or load anything.
      "content-security-policy": "default-src 'none'",
      "x-content-type-options": "nosniff",
    },
  });
}
