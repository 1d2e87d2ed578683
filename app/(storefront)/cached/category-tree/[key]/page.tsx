import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { JsonLd } from "@/components/ui/json-ld";
import { categoryTree, type CategoryTreeNode } from "@/lib/catalog/taxonomy/service";
import { plural } from "@/lib/plural";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import styles from "./categories.module.css";

// /categories, as next.config.js rewrites it: a dynamic route with no params at build time, so the
// build reads no database; rendered on its first request and then served from the cache until a
// write invalidates the tags of what it shows (docs/architecture.md).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

export const metadata: Metadata = pageMetadata({
  title: "All categories",
  description:
    "Every shelf in the store, from history to children's wordbooks, with how many books each holds.",
  path: "/categories",
});

function bookCount(n: number) {
  return plural(n, { one: "# book", other: "# books" });
}

function Subcategories({ nodes }: { nodes: CategoryTreeNode[] }) {
  if (nodes.length === 0) return null;
  return (
    <ul className={styles.children}>
      {nodes.map((node) => (
        <li key={node.slug}>
          <Link href={`/categories/${node.slug}`}>{node.name}</Link>{" "}
          <span className={styles.count}>{bookCount(node.bookCount)}</span>
          <Subcategories nodes={node.children} />
        </li>
      ))}
    </ul>
  );
}

export default async function CategoriesPage({ params }: { params: Promise<{ key: string }> }) {
  if ((await params).key !== "index") notFound();
  const tree = await categoryTree();
  return (
    <div className="container">
      <JsonLd
        data={breadcrumbJsonLd([
          { name: "Home", url: absoluteUrl("/") },
          { name: "Categories", url: absoluteUrl("/categories") },
        ])}
      />
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: "Categories" }]} />
      <h1 className="browse-title">All categories</h1>
      {tree.length === 0 ? (
        <p>
          No books are on the shelves yet. <Link href="/books">See all books</Link>.
        </p>
      ) : (
        <ul className={styles.tree} aria-label="Categories">
          {tree.map((root) => (
            <li key={root.slug} className={styles.shelf}>
              <h2 className={styles.shelfTitle}>
                <Link href={`/categories/${root.slug}`}>{root.name}</Link>
              </h2>
              <p className={styles.count}>{bookCount(root.bookCount)}</p>
              <Subcategories nodes={root.children} />
            </li>
          ))}
        </ul>
      )}
      <p className={styles.all}>
        <Link href="/books">Browse all books</Link>
      </p>
    </div>
  );
}
