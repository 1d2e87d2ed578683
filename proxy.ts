// Runs before storefront pages whose slug may not exist. Unknown, draft and hidden slugs are
// rewritten to a path no route matches, so Next serves its prerendered not-found page (status
// 404, full HTML): a dynamic page calling notFound() would answer 404 with an empty body for a
// shopper without JavaScript (see lib/catalog/books.ts publicSlugExists).
import { NextResponse, type NextRequest } from "next/server";
import { publicSlugExists, type StorefrontPathKind } from "@/lib/catalog/books";
import { checkoutPageExists } from "@/lib/checkout/pages";
import { getDatabase } from "@/lib/db/process-database";

const PATTERNS: [RegExp, StorefrontPathKind][] = [
  [/^\/books\/([^/]+)$/, "book"],
  [/^\/books\/([^/]+)\/reviews$/, "book"],
  [/^\/articles\/([^/]+)$/, "article"],
  [/^\/categories\/([^/]+)$/, "category"],
  [/^\/series\/([^/]+)$/, "series"],
  [/^\/contributors\/([^/]+)$/, "contributor"],
];

const NOT_FOUND_PATH = "/_not-found-rewrite";

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/orders/") || path.startsWith("/checkout/")) {
    const db = await getDatabase();
    const exists = await checkoutPageExists(db.prisma, path, request.nextUrl.searchParams);
    if (exists === false) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
    return NextResponse.next();
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
    if (decoded !== null && (await publicSlugExists(db.prisma, kind, decoded))) return NextResponse.next();
    return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/books/:slug",
    "/books/:slug/reviews",
    "/articles/:slug",
    "/categories/:slug",
    "/series/:slug",
    "/contributors/:slug",
    "/orders/:token",
    "/checkout/stub/:sessionId",
  ],
};
