// Runs before storefront pages whose slug may not exist. Unknown, draft and hidden slugs are
// rewritten to a path no route matches, so Next serves its prerendered not-found page (status
// 404, full HTML): a dynamic page calling notFound() would answer 404 with an empty body for a
// shopper without JavaScript (see lib/catalog/books.ts publicSlugExists). Old slugs of renamed
// books answer 308 to the current slug (lib/catalog/slug-redirects.ts). Per-request pages (admin,
// cart, checkout, orders) go on with a fresh CSP nonce (lib/security/page-policy.ts).
import { NextResponse, type NextRequest } from "next/server";
import { publicSlugExists, type StorefrontPathKind } from "@/lib/catalog/books";
import { findBookRedirect } from "@/lib/catalog/slug-redirects";
import { checkoutPageExists } from "@/lib/checkout/pages";
import { isDatabaseUnreachableError } from "@/lib/db/availability.mjs";
import { getDatabase } from "@/lib/db/process-database";
import { continueWithPagePolicy } from "@/lib/security/page-policy";

const PATTERNS: [RegExp, StorefrontPathKind][] = [
  [/^\/books\/([^/]+)$/, "book"],
  [/^\/books\/([^/]+)\/reviews$/, "book"],
  [/^\/articles\/([^/]+)$/, "article"],
  [/^\/pages\/([^/]+)$/, "page"],
  [/^\/categories\/([^/]+)$/, "category"],
  [/^\/series\/([^/]+)$/, "series"],
  [/^\/contributors\/([^/]+)$/, "contributor"],
];

const NOT_FOUND_PATH = "/_not-found-rewrite";

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
  for (const [pattern, kind] of PATTERNS) {
    const slug = pattern.exec(path)?.[1];
    if (!slug) continue;
    let decoded: string | null = null;
    try {
      decoded = decodeURIComponent(slug);
    } catch {
      // A malformed %-escape names nothing.
    }
    const db = await getDatabase();
    if (decoded === null) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
    if (await publicSlugExists(db.prisma, kind, decoded)) return NextResponse.next();
    // A renamed book's old slug: 308 to the current one (only looked up when the slug is not live).
    const current = kind === "book" ? await findBookRedirect(db.prisma, decoded) : null;
    if (current) {
      const target = new URL(`/books/${encodeURIComponent(current)}`, request.url);
      target.search = request.nextUrl.search;
      return NextResponse.redirect(target, 308);
    }
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  return continueWithPagePolicy(request);
}

export const config = {
  matcher: [
    "/books/:slug",
    "/books/:slug/reviews",
    "/articles/:slug",
    "/pages/:slug",
    "/categories/:slug",
    "/series/:slug",
    "/contributors/:slug",
    "/orders/:token",
    "/checkout/stub/:sessionId",
    // Not the uploads (CSV, ebook files): Next reads a whole request body before a matching proxy runs.
    "/admin",
    "/admin/((?!exchange/csv-imports$|books/[^/]+/ebook-files$).*)",
    "/cart",
  ],
};
