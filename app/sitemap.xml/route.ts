// GET /sitemap.xml - the sitemap index naming the page sitemap and one sitemap per 10,000 books
import { sitemapData } from "@/lib/catalog/books/service";
import { getEnv } from "@/lib/env";
import { sitemapIndexXml, sitemapNames } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

export async function GET() {
  const { count } = await sitemapData("index");
  const pages = await sitemapData("pages.xml");
  const latest = pages.entries[0]?.lastModified ?? null;
  return new Response(sitemapIndexXml(getEnv().SITE_URL, sitemapNames(count), latest), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
