import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookCard } from "@/components/ui/book-card";
import { BookCover } from "@/components/ui/book-cover";
import { Credits, primaryName } from "@/components/ui/credits";
import { ListingRating } from "@/components/ui/listing-rating";
import { findPublishedBook, formatMoney, listPublishedArticles, listPublishedBooks } from "@/lib/catalog";
import type { BookSummary } from "@/lib/catalog";
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
                    {formatMoney(edition.price.amountCents, edition.price.currency)}
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

      {earlyReaders.length > 0 ? (
        <section className="container section" aria-labelledby="early-readers">
          <p className="eyebrow">For young readers</p>
          <h2 id="early-readers">Wordbooks and phonics</h2>
          <p className="muted">
            Bilingual picture wordbooks in Spanish and English, and first phonics readers.
          </p>
          <ul className={styles.grid}>
            {earlyReaders.map((book) => (
              <li key={book.id}>
                <BookCard book={book} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {more.length > 0 ? (
        <section className="container section" aria-labelledby="more-books">
          <p className="eyebrow">Also on our shelves</p>
          <h2 id="more-books">More to discover</h2>
          <ul className={styles.grid}>
            {more.map((book) => (
              <li key={book.id}>
                <BookCard book={book} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

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
