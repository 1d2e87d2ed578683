// GET /api/v1/books/:slug/ratings - a book's published ratings, newest first, cursor-paginated
import { readBoundedText } from "@/lib/api/body";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { ApiProblem, apiGet, apiOptions, limitParam, onlyParams } from "@/lib/api/handler";
import { toRatingDoc } from "@/lib/api/schemas";
import { isSameOriginRequest } from "@/lib/auth/origin";
import { findPublishedBook } from "@/lib/catalog/books/service";
import {
  listPublishedRatings,
  rateBookAsShopper,
  ratingCursorSchema,
  ratingDistribution,
} from "@/lib/catalog/ratings/service";
import { errorToProblem, problem } from "@/lib/api/problem";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

export const GET = apiGet<{ slug: string }>(
  { cacheControl: "public, max-age=30" },
  async ({ url, params }) => {
    onlyParams(url, ["cursor", "limit"]);
    const limit = limitParam(url, 20, 100);
    const cursorText = url.searchParams.get("cursor");
    const after = cursorText === null ? null : decodeCursor(cursorText, ratingCursorSchema);
    if (cursorText !== null && !after) {
      throw new ApiProblem("validation", {
        detail: "cursor is not valid.",
        errors: [{ name: "cursor", reason: "Not a cursor this endpoint produced." }],
      });
    }
    const book = await findPublishedBook(params.slug);
    if (!book)
      throw new ApiProblem("not_found", { detail: `No published book has the slug "${params.slug}".` });
    const [page, summary] = await Promise.all([
      listPublishedRatings(book.id, book.slug, JSON.stringify(after), limit),
      ratingDistribution(book.id, book.slug),
    ]);
    return {
      data: page.ratings.map(toRatingDoc),
      page: { limit, nextCursor: page.next ? encodeCursor(page.next) : null },
      summary,
    };
  },
);

export const OPTIONS = apiOptions;

/** Largest rating body accepted (4,000 characters of review plus the rest, with room to spare). */
const MAX_BODY_BYTES = 16 * 1024;

// POST /api/v1/books/:slug/ratings - rate a book as the shopper in the signed cookie; same-origin only
export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  const requestId = request.headers.get("x-request-id");
  try {
    const env = getEnv();
    const origin = request.headers.get("origin");
    if (
      origin !== null &&
      !isSameOriginRequest({
        origin,
        host: request.headers.get("host"),
        siteUrl: env.SITE_URL,
        strict: env.STORE_MODE === "live",
      })
    ) {
      return problem("forbidden", {
        detail: "Ratings are accepted from this store's own pages only.",
        requestId,
      });
    }
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
      return problem("validation", {
        detail: "Send the rating as JSON (Content-Type: application/json).",
        errors: [{ name: "Content-Type", reason: "Must be application/json." }],
        requestId,
      });
    }
    const text = await readBoundedText(request, { maxBytes: MAX_BODY_BYTES });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return problem("validation", { detail: "The body is not valid JSON.", requestId });
    }
    const { slug } = await context.params;
    const rating = await rateBookAsShopper(slug, body);
    return Response.json(rating, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof ApiProblem) return problem(error.type, { ...error.options, requestId });
    return errorToProblem(error, requestId);
  }
}
