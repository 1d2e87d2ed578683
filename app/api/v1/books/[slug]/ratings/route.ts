// GET /api/v1/books/:slug/ratings - a book's published ratings, newest first, cursor-paginated
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { ApiProblem, apiGet, apiOptions, limitParam, onlyParams } from "@/lib/api/handler";
import { toRatingDoc } from "@/lib/api/schemas";
import { findPublishedBook, listPublishedRatings, ratingDistribution } from "@/lib/catalog";

export const dynamic = "force-dynamic";

const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.number().int().positive() });

export const GET = apiGet<{ slug: string }>(
  { cacheControl: "public, max-age=30" },
  async ({ url, params }) => {
    onlyParams(url, ["cursor", "limit"]);
    const limit = limitParam(url, 20, 100);
    const cursorText = url.searchParams.get("cursor");
    const after = cursorText === null ? null : decodeCursor(cursorText, cursorSchema);
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
