import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { JsonLd } from "@/components/ui/json-ld";
import { browseBooks, browseFacets, browseKeys, parseListKey } from "@/lib/catalog/browse/service";
import { listCanonicalPath } from "@/lib/seo/canonical";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import { BrowseView } from "../../../_components/browse-view";

// /books?… as proxy.ts rewrites it: one cached page per normalised query (the `key`), rendered on
// its first request and then served from the cache until a write invalidates the lists' tags.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

interface Props {
  params: Promise<{ key: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { query } = parseListKey((await params).key);
  return pageMetadata({
    title: query.page > 1 ? `All books, page ${query.page}` : "All books",
    description: "Browse every book in the store by category, language, format, price and reading features.",
    path: listCanonicalPath("/books", query),
  });
}

export default async function BooksPage({ params }: Props) {
  const { query, ignoredParams } = parseListKey((await params).key);
  const keys = browseKeys(query);
  const [result, facets] = await Promise.all([browseBooks(...keys), browseFacets(...keys)]);
  return (
    <div className="container">
      <JsonLd
        data={breadcrumbJsonLd([
          { name: "Home", url: absoluteUrl("/") },
          { name: "Books", url: absoluteUrl("/books") },
        ])}
      />
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: "Books" }]} />
      <h1 className="browse-title">All books</h1>
      <BrowseView
        basePath="/books"
        query={query}
        result={result}
        facets={facets}
        ignoredParams={ignoredParams}
      />
    </div>
  );
}
