import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { findPublishedBook, listPublishedRatings } from "@/lib/catalog";
import { ReviewList } from "../reviews";
import { plural } from "@/lib/plural";

// Every published review of a book, newest first, 20 a page with a cursor (?after=). The product
// page shows the latest 10 and links here. Unknown slugs are answered by proxy.ts with a 404.
const PAGE_SIZE = 20;
const cursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.number().int().positive() });

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const book = await findPublishedBook(slug);
  if (!book) return { title: "Book not found", robots: { index: false } };
  const paged = typeof (await searchParams).after === "string";
  return {
    title: `Reviews of ${book.title}`,
    alternates: { canonical: `/books/${book.slug}/reviews` },
    ...(paged ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function ReviewsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const book = await findPublishedBook(slug);
  if (!book) notFound();
  const afterText = (await searchParams).after;
  const after = typeof afterText === "string" ? decodeCursor(afterText, cursorSchema) : null;
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
