import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { EMPTY_LISTING } from "@/lib/catalog/listings/model";
import { ListingForm } from "../listing-form";
import { listingFormOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New book", robots: { index: false, follow: false } };

export default async function NewBookPage() {
  await requireStaff("editor", { next: "/admin/books/new" });
  return (
    <>
      <p>
        <Link href="/admin/books">← All books</Link>
      </p>
      <h1>New book</h1>
      <p>New listings start as drafts: shoppers see them once you publish.</p>
      <ListingForm
        bookId={null}
        version={null}
        initial={EMPTY_LISTING}
        options={await listingFormOptions()}
      />
    </>
  );
}
