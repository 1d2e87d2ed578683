import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { findPublishedBook } from "@/lib/catalog/books/service";
import { listPublishedRatings, ratingCursorSchema } from "@/lib/catalog/ratings/service";
import { redirectOldSlugOrNotFound } from "@/app/(storefront)/books/[slug]/old-slug";
import { ReviewList } from "@/app/(storefront)/books/[slug]/reviews";
import { plural } from "@/lib/plural";

// /books/<slug>/reviews?after=… as proxy.ts rewrites it: every published review of a book, newest
// first, 20 a page from the cursor in `key` ("first" for the newest). The product page shows the
// latest 10 and links here. Cached like the product page, under the same book tag.
const PAGE_SIZE = 20;
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; key: string }[] {
  return [];
}

interface Props {
  params: Promise<{ slug: string; key: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, key } = await params;
  const book = (await findPublishedBook(slug)) ?? (await redirectOldSlugOrNotFound(slug, "/reviews"));
  const paged = key !== "first";
  return {
    title: `Reviews of ${book.title}`,
    alternates: { canonical: `/books/${book.slug}/reviews` },
    ...(paged ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function ReviewsPage({ params }: Props) {
  const { slug, key } = await params;
  const book = (await findPublishedBook(slug)) ?? (await redirectOldSlugOrNotFound(slug, "/reviews"));
  const after = key === "first" ? null : decodeCursor(key, ratingCursorSchema);
  const page = await listPublishedRatings(book.id, book.slug, JSON.stringify(after), PAGE_SIZE);
  return (
    <div className="container">
      <Breadcrumbs
        items={[
          { name: "Home", href: "/" },
          { name: "Books", href: "/books" },
          { name: book.title, href: `/books/${book.slug}` },
          { name: "Reviews" },
        ]}
      />
      <h1>Reviews of {book.title}</h1>
      <p>
        {book.rating.count === 0
          ? "No shopper has rated this book yet."
          : `${book.rating.average.toFixed(1)} out of 5 from ${plural(book.rating.count, { one: "# rating", other: "# ratings" })}.`}{" "}
        <Link href={`/books/${book.slug}#rate-this-book`}>Rate this book</Link>
      </p>
      {page.ratings.length > 0 ? <ReviewList ratings={page.ratings} /> : <p>No reviews on this page.</p>}
      {page.next ? (
        <p>
          <Link href={`/books/${book.slug}/reviews?after=${encodeCursor(page.next)}`}>Older reviews</Link>
        </p>
      ) : null}
    </div>
  );
}
