import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { EMPTY_CONTRIBUTOR, EMPTY_EDITION, formValuesFromData } from "@/lib/catalog/listings/model";
import { getListingForEdit } from "@/lib/catalog/listings/service";
import { utcTime } from "../../admin-ui";
import styles from "../../admin.module.css";
import { ListingForm } from "../listing-form";
import { CoverSection } from "./cover";
import { EbookFiles } from "./ebook-files";
import { listingFormOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit book", robots: { index: false, follow: false } };

export default async function EditBookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requireStaff("editor", { next: `/admin/books/${id}` });
  const bookId = Number(id);
  const listing = Number.isInteger(bookId) && bookId > 0 ? await getListingForEdit(bookId) : null;
  if (!listing) notFound();
  const { saved, unchanged, ebook, cover } = await searchParams;
  const initial = formValuesFromData(listing.data);
  // One spare row to type into when there is none (more through the "add another" buttons).
  if (initial.contributors.length === 0) initial.contributors.push({ ...EMPTY_CONTRIBUTOR, position: "1" });
  if (initial.editions.length === 0) initial.editions.push({ ...EMPTY_EDITION });
  return (
    <>
      <p>
        <Link href="/admin/books">← All books</Link>
      </p>
      <h1>{listing.data.title}</h1>
      <p>
        Version {listing.version}, {listing.data.status}
        {listing.lastChange && (
          <>
            , last changed by {listing.lastChange.by} at {utcTime(listing.lastChange.at)}
          </>
        )}
        . <Link href={`/admin/books/${listing.id}/history`}>History</Link> ·{" "}
        <Link href={`/preview/books/${listing.id}`}>Preview as the store shows it</Link>
        {listing.data.status === "published" && (
          <>
            {" "}
            · <Link href={`/books/${listing.data.slug}`}>View in the store</Link>
          </>
        )}
      </p>
      {typeof saved === "string" && /^\d{1,9}$/.test(saved) && (
        <p className={styles.notice} role="status">
          Saved (version {saved}).
        </p>
      )}
      {typeof unchanged === "string" && /^\d{1,9}$/.test(unchanged) && (
        <p className={styles.notice} role="status">
          Nothing to save: the listing is as it was (still version {unchanged}).
        </p>
      )}
      <ListingForm
        key={listing.version}
        bookId={listing.id}
        version={listing.version}
        initial={initial}
        options={await listingFormOptions()}
      />
      <CoverSection bookId={listing.id} notice={typeof cover === "string" ? cover : undefined} />
      <EbookFiles bookId={listing.id} notice={typeof ebook === "string" ? ebook : undefined} />
    </>
  );
}
