// Runs before the storefront lists and the checkout pages, never before a product, article,
// series or contributor page (a proxy call adds about half of what a whole cache hit costs:
// docs/performance.md). It reads no database for storefront pages:
// - Lists (/books, /categories/<slug>, a book's reviews) are rewritten onto ISR routes under
//   app/(storefront)/cached, keyed by their normalised query string, so every list is rendered
//   once and then served from the cache until a write invalidates its tags. An unknown category
//   or book is a cached 404 like any page (server.mjs sends it with the full not-found page).
// - /cached/… itself is not an address: it answers 404.
// - A slug with a malformed %-escape answers 404 (Next would answer a bare 500).
// - Unknown order tokens and stub sessions are answered with the full 404 page: those pages are
//   per request, and a dynamic page calling notFound() would answer 404 with an empty body for a
//   shopper without JavaScript (lib/checkout/orders/pages.ts).
// - Per-request pages (admin, cart, checkout, orders) go on with a fresh CSP nonce
//   (lib/security/page-policy.ts); cached pages never get one (their policy is static).
import { NextResponse, type NextRequest } from "next/server";
import { encodeCursor, decodeCursor } from "@/lib/api/cursor";
import { listKey, type RawParams } from "@/lib/catalog/browse/query";
import { ratingCursorSchema } from "@/lib/catalog/ratings/summary";
import { isValidSlug } from "@/lib/catalog/shared/slug";
import { checkoutPageExists } from "@/lib/checkout/orders/pages";
import { isDatabaseUnreachableError } from "@/lib/db/availability.mjs";
import { getDatabase } from "@/lib/db/process-database";
import { continueWithPagePolicy } from "@/lib/security/page-policy";

const NOT_FOUND_PATH = "/_not-found-rewrite";

function rawParams(search: URLSearchParams): RawParams {
  const raw: RawParams = {};
  for (const name of new Set(search.keys())) raw[name] = search.getAll(name);
  return raw;
}

function slugOf(segment: string): string | null {
  try {
    const slug = decodeURIComponent(segment);
    return isValidSlug(slug) ? slug : null;
  } catch {
    // A malformed %-escape names nothing.
    return null;
  }
}

/** The cached route a storefront list is served from, or null for the full 404 page. */
function cachedListPath(path: string, search: URLSearchParams): string | null {
  if (path === "/books") return `/cached/books/${listKey(rawParams(search))}`;
  const category = /^\/categories\/([^/]+)$/.exec(path)?.[1];
  if (category !== undefined) {
    const slug = slugOf(category);
    return slug ? `/cached/categories/${slug}/${listKey(rawParams(search))}` : null;
  }
  const reviews = /^\/books\/([^/]+)\/reviews$/.exec(path)?.[1];
  if (reviews !== undefined) {
    const slug = slugOf(reviews);
    const after = search.get("after");
    const cursor = after === null ? null : decodeCursor(after, ratingCursorSchema);
    return slug ? `/cached/reviews/${slug}/${cursor ? encodeCursor(cursor) : "first"}` : null;
  }
  return null;
}

export async function proxy(request: NextRequest) {
  try {
    return await route(request);
  } catch (error) {
    // With the database unreachable, a cached page can still be served; anything else answers 503.
    if (isDatabaseUnreachableError(error)) return continueWithPagePolicy(request);
    throw error;
  }
}

async function route(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/orders/") || path.startsWith("/checkout/")) {
    const db = await getDatabase();
    const exists = await checkoutPageExists(db.prisma, path, request.nextUrl.searchParams);
    if (exists === false) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
    return continueWithPagePolicy(request);
  }
  if (path === "/cart" || path === "/admin" || path.startsWith("/admin/") || path.startsWith("/preview/")) {
    return continueWithPagePolicy(request);
  }
  // A product, article, shop page, series or contributor address with a %-escape (the only ones the matcher
  // sends here): Next answers a malformed escape with a bare 500, and no slug has an escape.
  const escaped = /^\/(?:books|articles|pages|series|contributors)\/([^/]+)$/.exec(path)?.[1];
  if (escaped !== undefined && slugOf(escaped)) return NextResponse.next();
  const target =
    escaped !== undefined || path.startsWith("/cached/")
      ? null
      : cachedListPath(path, request.nextUrl.searchParams);
  return NextResponse.rewrite(new URL(target ?? NOT_FOUND_PATH, request.url));
}

export const config = {
  matcher: [
    "/books",
    "/books/:slug/reviews",
    "/categories/:slug",
    "/cached/:path*",
    "/(books|articles|pages|series|contributors)/:slug(.*%.*)",
    "/orders/:token",
    "/checkout/stub/:sessionId",
    // Not the uploads (CSV, ebook files, covers): Next reads a whole request body before a matching proxy runs.
    "/admin",
    "/admin/((?!exchange/csv-imports$|books/[^/]+/ebook-files$|books/[^/]+/cover$).*)",
    "/cart",
    "/preview/:path*",
  ],
};
