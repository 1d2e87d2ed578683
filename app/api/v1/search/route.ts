// GET /api/v1/search - published books matching a text, ranked, with the /books filters; paged by
// page number within the search's result window (SEARCH_WINDOW), with snippets and highlights
import { apiGet, apiOptions, paramsRecord, refuseParams } from "@/lib/api/handler";
import { toSearchResultsDoc } from "@/lib/api/schemas";
import { parseSearchParams, SEARCH_TEXT_MESSAGES, searchBooks } from "@/lib/catalog/search/service";

export const dynamic = "force-dynamic";

export const GET = apiGet(
  { cacheControl: "public, max-age=60, stale-while-revalidate=300" },
  async ({ url }) => {
    const { query, problems, textProblem } = parseSearchParams(paramsRecord(url), { allowUnknown: false });
    const errors = problems.map((p) => ({
      name: p.param,
      reason:
        p.param === "cursor" || p.param === "limit"
          ? "Search results are ranked: they page with page and page_size."
          : p.message,
    }));
    if (textProblem && !errors.some((e) => e.name === "q"))
      errors.unshift({ name: "q", reason: SEARCH_TEXT_MESSAGES[textProblem] });
    refuseParams(errors);
    return toSearchResultsDoc(await searchBooks(query));
  },
);

export const OPTIONS = apiOptions;
