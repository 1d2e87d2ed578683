import type { Metadata } from "next";
import { BookCard } from "@/components/ui/book-card";
import { coverSharePath } from "@/lib/covers/urls";
import { findPublishedBook, listRelatedBooks } from "@/lib/catalog/books/service";
import { listPublishedRatings, ratingDistribution } from "@/lib/catalog/ratings/service";
import { formatMoney } from "@/lib/catalog/shared";
import { bookJsonLd, breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { metaDescription, pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl, siteInfo } from "@/lib/site";
import { JsonLd } from "@/components/ui/json-ld";
import { BookView, bookCrumbs, LATEST_REVIEWS } from "./book-view";
import { redirectOldSlugOrNotFound } from "./old-slug";
import styles from "./book.module.css";

// Rendered on first request, then served from the cache until a write invalidates its tags; an
// unknown slug is a cached 404 page, an old slug a cached 308 (no proxy.ts in front: a hit does no
// database work). No params at build time: the build reads no database (docs/architecture.md).
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
  const book = (await findPublishedBook(slug)) ?? (await redirectOldSlugOrNotFound(slug));
  const byline = book.contributors[0] ? ` by ${book.contributors[0].name}` : "";
  const share = book.cover ? coverSharePath(book.slug, book.cover) : null;
  const price = book.fromPrice
    ? ` ${book.primaryFormatName ?? ""} ${formatMoney(book.fromPrice.amountMinor, book.fromPrice.currency)}.`
    : "";
  return pageMetadata({
    title: book.subtitle ? `${book.title}: ${book.subtitle}` : book.title,
    description: metaDescription(`${book.title}${byline}.${price} ${book.teaser ?? book.description ?? ""}`),
    path: `/books/${book.slug}`,
    type: "book",
    // An uploaded cover is the link preview's image; without one, the generated card.
    imagePath: share?.path ?? `/og/books/${book.slug}`,
    imageSize: share ? { width: share.width, height: share.height } : undefined,
  });
}

export default async function BookPage({ params }: Props) {
  const { slug } = await params;
  const book = (await findPublishedBook(slug)) ?? (await redirectOldSlugOrNotFound(slug));
  const [related, ratings, reviews] = await Promise.all([
    listRelatedBooks(book.slug),
    ratingDistribution(book.id, book.slug),
    listPublishedRatings(book.id, book.slug, "null", LATEST_REVIEWS),
  ]);
  const crumbs = await bookCrumbs(book);
  const url = absoluteUrl(`/books/${book.slug}`);

  return (
    <div className="container">
      <JsonLd
        data={[
          ...bookJsonLd(book, ratings, {
            url,
            imageUrl: absoluteUrl(
              book.cover ? coverSharePath(book.slug, book.cover).path : `/og/books/${book.slug}`,
            ),
            site: siteInfo(),
          }),
          breadcrumbJsonLd(crumbs.map((c) => ({ name: c.name, url: absoluteUrl(c.href) }))),
        ]}
      />
      <BookView
        book={book}
        crumbs={crumbs}
        ratings={ratings}
        reviews={reviews.ratings}
        moreReviews={reviews.next !== null}
      />

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
