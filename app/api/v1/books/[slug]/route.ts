// GET /api/v1/books/:slug - one published book with editions, credits, categories, series and ratings
import { hideBook, patchBook } from "@/lib/api/book-writes";
import { apiWrite } from "@/lib/api/write";
import { ApiProblem, apiGet, apiOptions, onlyParams } from "@/lib/api/handler";
import { toBookDetailDoc } from "@/lib/api/schemas";
import { findPublishedBook } from "@/lib/catalog/books/service";
import { ratingDistribution } from "@/lib/catalog/ratings/service";

export const dynamic = "force-dynamic";

export const GET = apiGet<{ slug: string }>(
  { cacheControl: "public, max-age=60, stale-while-revalidate=300" },
  async ({ url, params, setVersion }) => {
    onlyParams(url, []);
    const book = await findPublishedBook(params.slug);
    if (!book)
      throw new ApiProblem("not_found", { detail: `No published book has the slug "${params.slug}".` });
    setVersion(book.version);
    return toBookDetailDoc(book, await ratingDistribution(book.id, book.slug));
  },
);

export const OPTIONS = apiOptions;

// PATCH /api/v1/books/:slug - partial update with If-Match (token with catalog:write)
export const PATCH = apiWrite(patchBook);

// DELETE /api/v1/books/:slug - hides the book (token with catalog:write)
export const DELETE = apiWrite(hideBook);
