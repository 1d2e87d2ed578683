import type { Metadata } from "next";
import Link from "next/link";
import { BookCard } from "@/components/ui/book-card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { BookCover } from "@/components/ui/book-cover";
import { Credits, primaryName } from "@/components/ui/credits";
import { ListingRating } from "@/components/ui/listing-rating";
import {
  findCategory,
  findPublishedBook,
  formatMoney,
  listPublishedRatings,
  listRelatedBooks,
  ratingDistribution,
} from "@/lib/catalog";
import { bookJsonLd, breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { metaDescription, pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl, languageName, siteInfo, titleLang } from "@/lib/site";
import { JsonLd } from "@/components/ui/json-ld";
import { AddToCartForm } from "./add-to-cart-form";
import { EditionDetails } from "./edition-details";
import { RatingForm } from "./rating-form";
import { RatingSummary } from "./rating-summary";
import { redirectOldSlugOrNotFound } from "./old-slug";
import { LatestReviews } from "./reviews";
import styles from "./book.module.css";

// Rendered on first request, then served from the cache until a write invalidates its tags; an
// unknown slug is a cached 404 page, an old slug a cached 308 (no proxy.ts in front: a hit does no
// database work). No params at build time: the build reads no database (docs/architecture.md).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

/** Reviews shown on the product page; the rest are on /books/<slug>/reviews. */
const LATEST_REVIEWS = 10;

interface Props {
  params: Promise<{ slug: string }>;
}

const AVAILABILITY: Record<string, string> = {
  in_stock: "In stock",
  preorder: "Available for pre-order",
  out_of_stock: "Temporarily out of stock",
  discontinued: "No longer available",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const book = (await findPublishedBook(slug)) ?? (await redirectOldSlugOrNotFound(slug));
  const byline = book.contributors[0] ? ` by ${book.contributors[0].name}` : "";
  const price = book.fromPrice
    ? ` ${book.primaryFormatName ?? ""} ${formatMoney(book.fromPrice.amountCents, book.fromPrice.currency)}.`
    : "";
  return pageMetadata({
    title: book.subtitle ? `${book.title}: ${book.subtitle}` : book.title,
    description: metaDescription(`${book.title}${byline}.${price} ${book.teaser ?? book.description ?? ""}`),
    path: `/books/${book.slug}`,
    type: "book",
    imagePath: `/og/books/${book.slug}`,
  });
}

export default async function BookPage({ params }: Props) {
  const { slug } = await params;
  const book = (await findPublishedBook(slug)) ?? (await redirectOldSlugOrNotFound(slug));
  const primaryCategory = book.categories[0] ? await findCategory(book.categories[0].slug) : null;
  const [related, ratings, reviews] = await Promise.all([
    listRelatedBooks(book.slug),
    ratingDistribution(book.id, book.slug),
    listPublishedRatings(book.id, book.slug, "null", LATEST_REVIEWS),
  ]);
  const lang = titleLang(book.languages);
  // Only a Spanish title carries lang; an undefined attribute would still be in the RSC payload.
  const langAttr = lang ? { lang } : {};
  const paragraphs = (book.description ?? "").split(/\n{2,}/).filter(Boolean);
  const crumbs = [
    { name: "Home", href: "/" },
    { name: "Books", href: "/books" },
    ...(primaryCategory
      ? [...primaryCategory.ancestors, { slug: primaryCategory.slug, name: primaryCategory.name }].map(
          (c) => ({
            name: c.name,
            href: `/categories/${c.slug}`,
          }),
        )
      : []),
    { name: book.title, href: `/books/${book.slug}`, lang },
  ];
  const url = absoluteUrl(`/books/${book.slug}`);

  return (
    <div className="container">
      <JsonLd
        data={[
          ...bookJsonLd(book, ratings, {
            url,
            imageUrl: absoluteUrl(`/og/books/${book.slug}`),
            site: siteInfo(),
          }),
          breadcrumbJsonLd(crumbs.map((c) => ({ name: c.name, url: absoluteUrl(c.href) }))),
        ]}
      />
      <Breadcrumbs items={crumbs} />
      <article className={styles.book}>
        <div className={styles.top}>
          <div className={styles.coverWrap}>
            <BookCover
              slug={book.slug}
              title={book.title}
              subtitle={book.subtitle}
              byline={primaryName(book.contributors)}
              categorySlugs={book.categories.map((c) => c.slug)}
              lang={lang}
              className={styles.cover}
              priority
            />
          </div>
          <div>
            {book.series ? (
              <p className="eyebrow">
                <Link href={`/series/${book.series.slug}`} className={styles.seriesLink}>
                  {book.series.name} series
                </Link>
                {book.series.position ? `, book ${book.series.position}` : ""}
              </p>
            ) : null}
            <h1 className={styles.title} {...langAttr}>
              {book.title}
            </h1>
            {book.subtitle ? (
              <p className={styles.subtitle} {...langAttr}>
                {book.subtitle}
              </p>
            ) : null}
            {book.contributors.length > 0 ? (
              <p className={styles.credits}>
                <Credits credits={book.contributors} linked />
              </p>
            ) : null}
            {book.listingRating ? (
              <ListingRating text={book.listingRating} className={styles.rating} />
            ) : null}

            <dl className={styles.facts}>
              <div>
                <dt>Language</dt>
                <dd>{book.languages.map(languageName).join(", ")}</dd>
              </div>
              {book.categories.length > 0 ? (
                <div>
                  <dt>Subjects</dt>
                  <dd>
                    {book.categories.map((c, i) => (
                      <span key={c.slug}>
                        {i > 0 ? ", " : ""}
                        <Link href={`/categories/${c.slug}`}>{c.name}</Link>
                      </span>
                    ))}
                  </dd>
                </div>
              ) : null}
            </dl>

            <ul className={styles.editions} aria-label="Formats and prices">
              {book.editions.map((edition) => (
                <li key={edition.id} className={styles.edition}>
                  <div>
                    <p className={styles.format}>
                      {edition.formatName}
                      {edition.editionLabel ? <span className="muted"> · {edition.editionLabel}</span> : null}
                    </p>
                    <p className={styles.availability}>
                      {edition.format === "ebook" && edition.availability === "in_stock"
                        ? "Available to download now"
                        : AVAILABILITY[edition.availability]}
                    </p>
                  </div>
                  <p className={styles.price}>
                    {formatMoney(edition.price.amountCents, edition.price.currency)}
                  </p>
                  <AddToCartForm edition={edition} />
                </li>
              ))}
            </ul>
          </div>
        </div>

        {paragraphs.length > 0 ? (
          <section className={styles.section} aria-labelledby="about-book">
            <h2 id="about-book">About this book</h2>
            <div className="prose" {...langAttr}>
              {paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          </section>
        ) : null}

        <RatingSummary ratings={ratings}>
          <LatestReviews slug={book.slug} ratings={reviews.ratings} hasMore={reviews.next !== null} />
          <h3 id="rate-this-book">Rate this book</h3>
          <RatingForm slug={book.slug} />
        </RatingSummary>

        {book.editions.map((edition) => (
          <EditionDetails key={edition.id} edition={edition} showFormat={book.editions.length > 1} />
        ))}

        {book.articles.length > 0 ? (
          <section className={styles.section} aria-labelledby="editorial">
            <h2 id="editorial">From the editors</h2>
            <ul className={styles.articleLinks}>
              {book.articles.map((article) => (
                <li key={article.slug}>
                  <Link href={`/articles/${article.slug}`}>{article.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>

      {related.length > 0 ? (
        <section className={styles.section} aria-labelledby="related">
          <h2 id="related">More like this</h2>
          <ul className={styles.related}>
            {related.map((r) => (
              <li key={r.id}>
                <BookCard book={r} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
