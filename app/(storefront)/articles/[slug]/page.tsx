import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookCover } from "@/components/ui/book-cover";
import { Credits, primaryName } from "@/components/ui/credits";
import { findPublishedArticle } from "@/lib/catalog/articles/service";
import { formatMoney } from "@/lib/catalog/shared";
import { JsonLd } from "@/components/ui/json-ld";
import { articleJsonLd, breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { metaDescription, pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl, SITE_NAME, siteInfo, titleLang } from "@/lib/site";
import styles from "./article.module.css";

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
  const article = await findPublishedArticle(slug);
  if (!article) notFound();
  return pageMetadata({
    title: article.title,
    description: metaDescription(article.excerpt ?? article.title),
    path: `/articles/${article.slug}`,
    type: "article",
    imagePath: `/og/articles/${article.slug}`,
    publishedTime: article.publishedAt,
    modifiedTime: article.updatedAt,
  });
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await findPublishedArticle(slug);
  if (!article) notFound();
  const book = article.book;
  const lang = book ? titleLang(book.languages) : undefined;

  const url = absoluteUrl(`/articles/${article.slug}`);
  const bookUrl = book ? absoluteUrl(`/books/${book.slug}`) : null;
  return (
    <div className={`container ${styles.layout}`}>
      <JsonLd
        data={[
          articleJsonLd(article, {
            url,
            imageUrl: absoluteUrl(`/og/articles/${article.slug}`),
            bookUrl,
            site: siteInfo(),
          }),
          breadcrumbJsonLd([
            { name: "Home", url: absoluteUrl("/") },
            ...(book && bookUrl ? [{ name: book.title, url: bookUrl }] : []),
            { name: article.title, url },
          ]),
        ]}
      />
      <article className={styles.article}>
        <header className={styles.header}>
          <p className="eyebrow">From the editors</p>
          <h1>{article.title}</h1>
          <p className="muted">
            By the {SITE_NAME} editors
            {article.publishedAt ? (
              <>
                {" · "}
                <time dateTime={article.publishedAt}>{dateFormat.format(new Date(article.publishedAt))}</time>
              </>
            ) : null}
          </p>
        </header>
        <div className="prose">
          {article.blocks.map((block, i) =>
            block.type === "heading" ? <h2 key={i}>{block.text}</h2> : <p key={i}>{block.text}</p>,
          )}
        </div>
        {book ? (
          <p className={styles.back}>
            <Link href={`/books/${book.slug}`}>
              Back to the book: <span lang={lang}>{book.title}</span>
            </Link>
          </p>
        ) : null}
      </article>

      {book ? (
        <aside className={styles.aside} aria-labelledby="about-the-book">
          <h2 id="about-the-book" className={styles.asideHeading}>
            The book
          </h2>
          <Link href={`/books/${book.slug}`} className={styles.asideCover} tabIndex={-1} aria-hidden="true">
            <BookCover
              slug={book.slug}
              title={book.title}
              subtitle={book.subtitle}
              byline={primaryName(book.contributors)}
              categorySlugs={book.categories.map((c) => c.slug)}
              lang={lang}
              decorative
              uploaded={book.cover ? { cover: book.cover, sizes: "8rem" } : null}
            />
          </Link>
          <p className={styles.asideTitle}>
            <Link href={`/books/${book.slug}`} lang={lang}>
              {book.title}
            </Link>
          </p>
          <p className={styles.asideCredits}>
            <Credits credits={book.contributors} />
          </p>
          {book.fromPrice ? (
            <p className={styles.asidePrice}>
              {book.primaryFormatName} · {formatMoney(book.fromPrice.amountMinor, book.fromPrice.currency)}
            </p>
          ) : null}
          <Link href={`/books/${book.slug}`} className="button">
            View the book
          </Link>
        </aside>
      ) : null}
    </div>
  );
}
