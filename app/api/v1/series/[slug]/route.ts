// GET /api/v1/series/:slug - a series with its published books in reading order
import { ApiProblem, apiGet, apiOptions, onlyParams } from "@/lib/api/handler";
import { toSeriesDoc } from "@/lib/api/schemas";
import { findSeries } from "@/lib/catalog/taxonomy/service";

export const dynamic = "force-dynamic";

export const GET = apiGet<{ slug: string }>(
  { cacheControl: "public, max-age=300, stale-while-revalidate=3600" },
  async ({ url, params }) => {
    onlyParams(url, []);
    const series = await findSeries(params.slug);
    if (!series) throw new ApiProblem("not_found", { detail: `No series has the slug "${params.slug}".` });
    return toSeriesDoc(series);
  },
);

export const OPTIONS = apiOptions;
