import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookCard } from "@/components/ui/book-card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageMetadata } from "@/lib/seo/metadata";
import { findContributor } from "@/lib/catalog/taxonomy/service";
import styles from "../../_components/list-page.module.css";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const contributor = await findContributor(slug);
  if (!contributor) notFound();
  return pageMetadata({
    title: `Books by ${contributor.name}`,
    description: contributor.bio ?? `Books ${contributor.name} wrote, translated, edited or illustrated.`,
    path: `/contributors/${contributor.slug}`,
  });
}

export default async function ContributorPage({ params }: Props) {
  const { slug } = await params;
  const contributor = await findContributor(slug);
  if (!contributor) notFound();
  return (
    <div className="container">
      <Breadcrumbs
        items={[{ name: "Home", href: "/" }, { name: "Books", href: "/books" }, { name: contributor.name }]}
      />
      <p className="eyebrow">Contributor</p>
      <h1>{contributor.name}</h1>
      {contributor.bio ? <p className="prose">{contributor.bio}</p> : null}
      <h2 className={styles.subheading}>Books</h2>
      <ul className={styles.grid}>
        {contributor.books.map(({ book, roles }) => (
          <li key={book.id}>
            <p className={styles.position}>{roles.map((r) => r.label).join(", ")}</p>
            <BookCard book={book} />
          </li>
        ))}
      </ul>
    </div>
  );
}
