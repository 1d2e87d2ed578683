// The product page's own part, the book as the store shows it: breadcrumbs, cover, summary,
// formats and prices, description, ratings, edition details, the editors' articles. The product
// page (page.tsx) and the staff preview of a draft (app/(storefront)/preview) both render it.
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { BookCover } from "@/components/ui/book-cover";
import { Credits, primaryName } from "@/components/ui/credits";
import { ListingRating } from "@/components/ui/listing-rating";
import { PRODUCT_COVER_SIZES } from "@/components/ui/uploaded-cover";
import type { RatingView, RatingDistribution } from "@/lib/catalog/ratings/service";
import { formatMoney, type BookDetail } from "@/lib/catalog/shared";
import { findCategory } from "@/lib/catalog/taxonomy/service";
import { languageName, titleLang } from "@/lib/site";
import { AddToCartForm } from "./add-to-cart-form";
import { EditionDetails } from "./edition-details";
import { RatingForm } from "./rating-form";
import { RatingSummary } from "./rating-summary";
import { LatestReviews } from "./reviews";
import styles from "./book.module.css";

/** Reviews shown on the product page; the rest are on /books/<slug>/reviews. */
export const LATEST_REVIEWS = 10;

const AVAILABILITY: Record<string, string> = {
  in_stock: "In stock",
  preorder: "Available for pre-order",
  out_of_stock: "Temporarily out of stock",
  discontinued: "No longer available",
};

export interface Crumb {
  name: string;
  href: string;
  lang?: string;
}

/** Home › Books › the main category's ancestors and itself › the book. */
export async function bookCrumbs(book: BookDetail): Promise<Crumb[]> {
  const primaryCategory = book.categories[0] ? await findCategory(book.categories[0].slug) : null;
  const lang = titleLang(book.languages);
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
  return crumbs;
}

export function BookView({
  book,
  crumbs,
  ratings,
  reviews,
  moreReviews,
}: {
  book: BookDetail;
  crumbs: Crumb[];
  ratings: RatingDistribution;
  /** The latest reviews shown here; `moreReviews`: more are on /books/<slug>/reviews. */
  reviews: RatingView[];
  moreReviews: boolean;
}) {
  const lang = titleLang(book.languages);
  // Only a Spanish title carries lang; an undefined attribute would still be in the RSC payload.
  const langAttr = lang ? { lang } : {};
  const paragraphs = (book.description ?? "").split(/\n{2,}/).filter(Boolean);
  return (
    <>
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
              uploaded={book.cover ? { cover: book.cover, sizes: PRODUCT_COVER_SIZES } : null}
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
                    {formatMoney(edition.price.amountMinor, edition.price.currency)}
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
          <LatestReviews slug={book.slug} ratings={reviews} hasMore={moreReviews} />
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
    </>
  );
}
