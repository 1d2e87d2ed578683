// GET /api/v1/books - published books with the /books filters and sorts, cursor-paginated
import { createBook } from "@/lib/api/book-writes";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { apiWrite } from "@/lib/api/write";
import { ApiProblem, apiGet, apiOptions, limitParam, paramsRecord, refuseParams } from "@/lib/api/handler";
import { toBookSummaryDoc } from "@/lib/api/schemas";
import {
  browseBooksAfter,
  browseKeys,
  cursorFitsQuery,
  parseBrowseParams,
  SORTS,
  type BrowseCursor,
} from "@/lib/catalog/browse/service";

export const dynamic = "force-dynamic";

const cursorSchema: z.ZodType<BrowseCursor> = z.object({
  sort: z.enum(SORTS),
  keys: z.array(z.string()).max(4),
});

export const GET = apiGet(
  { cacheControl: "public, max-age=60, stale-while-revalidate=300" },
  async ({ url }) => {
    const { cursor: cursorText, limit: _limit, ...filters } = paramsRecord(url);
    const { query, problems } = parseBrowseParams(filters, { allowUnknown: false });
    const errors = problems.map((p) => ({ name: p.param, reason: p.message }));
    for (const name of ["page", "page_size"]) {
      if (name in filters && !errors.some((e) => e.name === name)) {
        errors.push({ name, reason: "The API pages with cursor and limit." });
      }
    }
    refuseParams(errors);
    const limit = limitParam(url, 24, 100);
    let cursor: BrowseCursor | null = null;
    if (cursorText !== undefined) {
      cursor = typeof cursorText === "string" ? decodeCursor(cursorText, cursorSchema) : null;
      if (!cursor || !cursorFitsQuery(cursor, query)) {
        throw new ApiProblem("validation", {
          detail: "cursor is not valid for this query; start again without it.",
          errors: [{ name: "cursor", reason: "Not a cursor this query produced." }],
        });
      }
    }
    const [queryKey] = browseKeys({ ...query, page: 1, pageSize: limit });
    const page = await browseBooksAfter(queryKey, JSON.stringify(cursor), limit);
    return {
      data: page.books.map(toBookSummaryDoc),
      page: { limit, nextCursor: page.next ? encodeCursor(page.next) : null },
      total: page.total,
    };
  },
);

export const OPTIONS = apiOptions;

// POST /api/v1/books - create a listing (token with catalog:write)
export const POST = apiWrite(createBook);
