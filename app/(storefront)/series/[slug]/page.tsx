import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookCard } from "@/components/ui/book-card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pageMetadata } from "@/lib/seo/metadata";
import { findSeries } from "@/lib/catalog/taxonomy/service";
import styles from "../../_components/list-page.module.css";
import { plural } from "@/lib/plural";

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
  const series = await findSeries(slug);
  if (!series) notFound();
  return pageMetadata({
    title: `${series.name} series`,
    description: series.description ?? `Every book in the ${series.name} series, in reading order.`,
    path: `/series/${series.slug}`,
  });
}

export default async function SeriesPage({ params }: Props) {
  const { slug } = await params;
  const series = await findSeries(slug);
  if (!series) notFound();
  return (
    <div className="container">
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Books", href: "/books" },
          { name: `${series.name} series` },
        ]}
      />
      <p className="eyebrow">Series</p>
      <h1>{series.name}</h1>
      {series.description ? <p className="muted">{series.description}</p> : null}
      <p className="muted">
        {plural(series.books.length, { one: "# book", other: "# books" })} in this series
      </p>
      <ol className={styles.grid}>
        {series.books.map((book) => (
          <li key={book.id}>
            {book.seriesPosition ? <p className={styles.position}>Book {book.seriesPosition}</p> : null}
            <BookCard book={book} headingLevel={2} />
          </li>
        ))}
      </ol>
    </div>
  );
}
