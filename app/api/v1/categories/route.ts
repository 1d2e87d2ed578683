// GET /api/v1/categories - every category with its parent and published-book count
import { apiGet, apiOptions, onlyParams } from "@/lib/api/handler";
import { toCategoryDoc } from "@/lib/api/schemas";
import { listCategories } from "@/lib/catalog/taxonomy/service";

export const dynamic = "force-dynamic";

export const GET = apiGet(
  { cacheControl: "public, max-age=300, stale-while-revalidate=3600" },
  async ({ url }) => {
    onlyParams(url, []);
    return { data: (await listCategories()).map(toCategoryDoc) };
  },
);

export const OPTIONS = apiOptions;
