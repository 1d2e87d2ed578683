// GET /api/v1/contributors/:slug - a contributor with each published book and their role on it
import { ApiProblem, apiGet, apiOptions, onlyParams } from "@/lib/api/handler";
import { toContributorDoc } from "@/lib/api/schemas";
import { findContributor } from "@/lib/catalog/taxonomy/service";

export const dynamic = "force-dynamic";

export const GET = apiGet<{ slug: string }>(
  { cacheControl: "public, max-age=300, stale-while-revalidate=3600" },
  async ({ url, params }) => {
    onlyParams(url, []);
    const contributor = await findContributor(params.slug);
    if (!contributor)
      throw new ApiProblem("not_found", { detail: `No contributor has the slug "${params.slug}".` });
    return toContributorDoc(contributor);
  },
);

export const OPTIONS = apiOptions;
