import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { browseBooks, browseFacets, browseKeys, findCategory, parseBrowseParams } from "@/lib/catalog";
import { JsonLd } from "@/components/ui/json-ld";
import { listCanonicalPath } from "@/lib/seo/canonical";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata, shelfTitle } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import { BrowseView } from "../../_components/browse-view";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const category = await findCategory(slug);
  if (!category) return { title: "Category not found", robots: { index: false } };
  const { query } = parseBrowseParams(await searchParams);
  return pageMetadata({
    title: query.page > 1 ? `${shelfTitle(category.name)}, page ${query.page}` : shelfTitle(category.name),
    description:
      category.description ??
      `Books in ${category.name}: browse by language, format, price and reading features.`,
    path: listCanonicalPath(`/categories/${slug}`, { ...query, category: undefined }),
  });
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const category = await findCategory(slug);
  if (!category) notFound();
  const { query, problems } = parseBrowseParams(await searchParams);
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
        ignoredParams={[...new Set(problems.map((p) => p.param))].sort()}
      />
    </div>
  );
}
