import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { browseBooks, browseFacets, browseKeys, parseListKey } from "@/lib/catalog/browse/service";
import { findCategory } from "@/lib/catalog/taxonomy/service";
import { JsonLd } from "@/components/ui/json-ld";
import { listCanonicalPath } from "@/lib/seo/canonical";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata, shelfTitle } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import { BrowseView } from "../../../../_components/browse-view";

// /categories/<slug>?… as proxy.ts rewrites it: one cached page per category and normalised query
// (the `key`), rendered on its first request; an unknown category is a cached 404.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; key: string }[] {
  return [];
}

interface Props {
  params: Promise<{ slug: string; key: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, key } = await params;
  const category = await findCategory(slug);
  if (!category) notFound();
  const { query } = parseListKey(key);
  return pageMetadata({
    title: query.page > 1 ? `${shelfTitle(category.name)}, page ${query.page}` : shelfTitle(category.name),
    description:
      category.description ??
      `Books in ${category.name}: browse by language, format, price and reading features.`,
    path: listCanonicalPath(`/categories/${slug}`, { ...query, category: undefined }),
  });
}

export default async function CategoryPage({ params }: Props) {
  const { slug, key } = await params;
  const category = await findCategory(slug);
  if (!category) notFound();
  const { query, ignoredParams } = parseListKey(key);
  // The page is the category: a category parameter in the address would only repeat or contradict it.
  const pageQuery = { ...query, category: undefined };
  const keys = browseKeys(pageQuery, { categoryIds: category.subtreeIds });
  const [result, facets] = await Promise.all([browseBooks(...keys), browseFacets(...keys)]);
  const crumbs = [
    { name: "Home", href: "/" },
    { name: "Books", href: "/books" },
    ...category.ancestors.map((a) => ({ name: a.name, href: `/categories/${a.slug}` })),
    { name: category.name, href: `/categories/${category.slug}` },
  ];
  return (
    <div className="container">
      <JsonLd data={breadcrumbJsonLd(crumbs.map((c) => ({ name: c.name, url: absoluteUrl(c.href) })))} />
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Books", href: "/books" },
          ...category.ancestors.map((a) => ({ name: a.name, href: `/categories/${a.slug}` })),
          { name: category.name },
        ]}
      />
      <h1>{category.name}</h1>
      {category.description ? <p className="muted">{category.description}</p> : null}
      {category.children.length > 0 ? (
        <nav aria-label="Subcategories">
          <p>
            Subcategories:{" "}
            {category.children.map((child, i) => (
              <span key={child.slug}>
                {i > 0 ? ", " : ""}
                <Link href={`/categories/${child.slug}`}>{child.name}</Link>
              </span>
            ))}
          </p>
        </nav>
      ) : null}
      <BrowseView
        basePath={`/categories/${slug}`}
        query={pageQuery}
        result={result}
        facets={facets}
        fixed={{ category: true }}
        ignoredParams={ignoredParams}
      />
    </div>
  );
}
