// GET /api/v1/books/:slug - one published book with editions, credits, categories, series and ratings
import { ApiProblem, apiGet, apiOptions, onlyParams } from "@/lib/api/handler";
import { toBookDetailDoc } from "@/lib/api/schemas";
import { findPublishedBook, ratingDistribution } from "@/lib/catalog";

export const dynamic = "force-dynamic";

export const GET = apiGet<{ slug: string }>(
  { cacheControl: "public, max-age=60, stale-while-revalidate=300" },
  async ({ url, params }) => {
    onlyParams(url, []);
    const book = await findPublishedBook(params.slug);
    if (!book)
      throw new ApiProblem("not_found", { detail: `No published book has the slug "${params.slug}".` });
    return toBookDetailDoc(book, await ratingDistribution(book.id, book.slug));
  },
);

export const OPTIONS = apiOptions;
