// /preview/books/:id - a listing of any status (drafts above all) as the store would show it, for
// staff only: rendered for each request from the database, never cached (Next answers a dynamic
// page with Cache-Control: private, no-store), kept out of search engines, and anyone not signed
// in is sent to the sign-in page. "More like this" is left out: it lists other, published books.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { findBookForPreview } from "@/lib/catalog/books/service";
import { listPublishedRatings, ratingDistribution } from "@/lib/catalog/ratings/service";
import { BookView, bookCrumbs, LATEST_REVIEWS } from "../../../books/[slug]/book-view";
import styles from "../../../books/[slug]/book.module.css";

export const dynamic = "force-dynamic";
// No title from the book: metadata is resolved before the page decides who may see it.
export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

const STATUS_NOTE: Record<string, string> = {
  draft: "This is a draft: shoppers cannot see it until it is published.",
  hidden: "This listing is hidden: shoppers cannot see it.",
  published: "This listing is published: shoppers see it at its own address.",
};

export default async function PreviewBookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff("editor", { next: `/preview/books/${id}` });
  const bookId = Number(id);
  const book = Number.isSafeInteger(bookId) && bookId > 0 ? await findBookForPreview(bookId) : null;
  if (!book) notFound();
  const [crumbs, ratings, reviews] = await Promise.all([
    bookCrumbs(book),
    ratingDistribution(book.id, book.slug),
    listPublishedRatings(book.id, book.slug, "null", LATEST_REVIEWS),
  ]);
  return (
    <div className="container">
      <p className={styles.previewNote} role="status">
        <strong>Preview.</strong> {STATUS_NOTE[book.status]}{" "}
        <Link href={`/admin/books/${book.id}`}>Back to the editor</Link>
        {book.status === "published" ? (
          <>
            {" "}
            · <Link href={`/books/${book.slug}`}>Open it in the store</Link>
          </>
        ) : null}
      </p>
      <BookView
        book={book}
        crumbs={crumbs}
        ratings={ratings}
        reviews={reviews.ratings}
        moreReviews={reviews.next !== null}
      />
    </div>
  );
}
