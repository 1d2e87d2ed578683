import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { JsonLd } from "@/components/ui/json-ld";
import { browseBooks, browseFacets, browseKeys, parseBrowseParams } from "@/lib/catalog";
import { listCanonicalPath } from "@/lib/seo/canonical";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import { BrowseView } from "../_components/browse-view";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseBrowseParams(await searchParams);
  return pageMetadata({
    title: query.page > 1 ? `All books, page ${query.page}` : "All books",
    description: "Browse every book in the store by category, language, format, price and reading features.",
    path: listCanonicalPath("/books", query),
  });
}

export default async function BooksPage({ searchParams }: Props) {
  const { query, problems } = parseBrowseParams(await searchParams);
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
        ignoredParams={[...new Set(problems.map((p) => p.param))].sort()}
      />
    </div>
  );
}
