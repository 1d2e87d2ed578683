// GET /sitemaps/:name - pages.xml (home, lists, taxonomy, articles) or books-N.xml (10,000 books each)
import { sitemapData } from "@/lib/catalog/books/service";
import { getEnv } from "@/lib/env";
import { sitemapNames, urlsetXml } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const { count } = await sitemapData("index");
  if (!sitemapNames(count).includes(name)) {
    return new Response("No such sitemap.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { entries } = await sitemapData(name);
  return new Response(urlsetXml(getEnv().SITE_URL, entries), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
