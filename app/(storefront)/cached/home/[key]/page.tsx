import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookCard } from "@/components/ui/book-card";
import { BookCover } from "@/components/ui/book-cover";
import { HERO_COVER_SIZES } from "@/components/ui/uploaded-cover";
import { Credits, primaryName } from "@/components/ui/credits";
import { ListingRating } from "@/components/ui/listing-rating";
import { listPublishedArticles } from "@/lib/catalog/articles/service";
import { findPublishedBook, listPublishedBooks } from "@/lib/catalog/books/service";
import { formatMoney, type BookSummary } from "@/lib/catalog/shared";
import { JsonLd } from "@/components/ui/json-ld";
import { siteJsonLd } from "@/lib/seo/json-ld";
import { pageMetadata } from "@/lib/seo/metadata";
import { SITE_DESCRIPTION, SITE_NAME, SITE_TAGLINE, siteInfo, titleLang } from "@/lib/site";
import styles from "./home.module.css";

// The home page, "/" as next.config.js rewrites it: a dynamic route with no params at build time,
// so the build reads no database; rendered on its first request and then served from the cache
// until a write invalidates the tags of what it shows (docs/architecture.md).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

export const metadata: Metadata = {
  ...pageMetadata({
    title: `${SITE_NAME}: ${SITE_TAGLINE}`,
    description: SITE_DESCRIPTION,
    path: "/",
    imagePath: "/og/site",
  }),
  title: { absolute: `${SITE_NAME}: ${SITE_TAGLINE}` },
};

const EARLY_READER_SHELVES = ["wordbooks", "phonics"];

function isEarlyReader(book: BookSummary) {
  return book.categories.some((c) => EARLY_READER_SHELVES.includes(c.slug));
}

/** A titled row of book cards; nothing when it has no books. */
function Shelf({
  id,
  eyebrow,
  title,
  books,
  children,
}: {
  id: string;
  eyebrow: string;
  title: string;
  books: BookSummary[];
  children?: ReactNode;
}) {
  if (books.length === 0) return null;
  return (
    <section className="container section" aria-labelledby={id}>
      <p className="eyebrow">{eyebrow}</p>
      <h2 id={id}>{title}</h2>
      {children ? <p className="muted">{children}</p> : null}
      <ul className={styles.grid}>
        {books.map((book) => (
          <li key={book.id}>
            <BookCard book={book} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function HomePage({ params }: { params: Promise<{ key: string }> }) {
  if ((await params).key !== "index") notFound();
  const [books, articles] = await Promise.all([listPublishedBooks(48), listPublishedArticles(3)]);
  const featuredSummary = books.find((b) => b.featured) ?? books[0];
  const featured = featuredSummary ? await findPublishedBook(featuredSummary.slug) : null;
  const others = books.filter((b) => b.id !== featured?.id);
  const earlyReaders = others.filter(isEarlyReader);
  const more = others.filter((b) => !isEarlyReader(b));
  const edition = featured?.editions[0];
  const lang = featured ? titleLang(featured.languages) : undefined;

  return (
    <>
      <JsonLd data={siteJsonLd(siteInfo())} />
      {featured ? (
        <section className={styles.hero} aria-labelledby="featured-title">
          <div className={`container ${styles.heroGrid}`}>
            <Link
              href={`/books/${featured.slug}`}
              className={styles.heroCover}
              tabIndex={-1}
              aria-hidden="true"
            >
              <BookCover
                slug={featured.slug}
                title={featured.title}
                subtitle={featured.subtitle}
                byline={primaryName(featured.contributors)}
                categorySlugs={featured.categories.map((c) => c.slug)}
                lang={lang}
                decorative
                priority
                uploaded={featured.cover ? { cover: featured.cover, sizes: HERO_COVER_SIZES } : null}
              />
            </Link>
            <div>
              <p className="eyebrow">Featured title</p>
              <h1 id="featured-title" className={styles.heroTitle} lang={lang}>
                <Link href={`/books/${featured.slug}`}>{featured.title}</Link>
              </h1>
              {featured.subtitle ? (
                <p className={styles.heroSubtitle} lang={lang}>
                  {featured.subtitle}
                </p>
              ) : null}
              <p className={styles.heroCredits}>
                <Credits credits={featured.contributors} />
              </p>
              <p className={styles.heroMeta}>
                {edition ? <span>{edition.formatName}</span> : null}
                {featured.series ? <span>{featured.series.name} series</span> : null}
                {edition ? (
                  <span className={styles.heroPrice}>
                    {formatMoney(edition.price.amountMinor, edition.price.currency)}
                  </span>
                ) : null}
              </p>
              {featured.listingRating ? (
                <ListingRating text={featured.listingRating} className={styles.rating} />
              ) : null}
              {featured.teaser ? <p className={styles.heroBlurb}>{featured.teaser}</p> : null}
              <p className={styles.actions}>
                <Link href={`/books/${featured.slug}`} className="button">
                  View details
                </Link>
                {featured.articles[0] ? (
                  <Link href={`/articles/${featured.articles[0].slug}`} className="button button-secondary">
                    Read the feature
                  </Link>
                ) : null}
              </p>
            </div>
          </div>
        </section>
      ) : (
        <section className="container section">
          <h1>{SITE_NAME}</h1>
          <p>The shelves are being stocked. Please come back soon.</p>
        </section>
      )}

      <Shelf
        id="early-readers"
        eyebrow="For young readers"
        title="Wordbooks and phonics"
        books={earlyReaders}
      >
        Bilingual picture wordbooks in Spanish and English, and first phonics readers.
      </Shelf>

      <Shelf id="more-books" eyebrow="Also on our shelves" title="More to discover" books={more} />

      {articles.length > 0 ? (
        <section className="container section" aria-labelledby="from-the-editors">
          <p className="eyebrow">From the editors</p>
          <h2 id="from-the-editors">Reading notes</h2>
          <ul className={styles.articles}>
            {articles.map((article) => (
              <li key={article.slug}>
                <h3>
                  <Link href={`/articles/${article.slug}`}>{article.title}</Link>
                </h3>
                {article.excerpt ? <p className="muted">{article.excerpt}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
