import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { describeChanges } from "@/lib/catalog/listings/model";
import { getListingForEdit, getListingOptions, getRevisions } from "@/lib/catalog/listings/service";
import { utcTime } from "../../../admin-ui";
import styles from "../../../admin.module.css";
import { restoreRevisionAction } from "../../actions";
import { ChangesTable } from "../../changes-table";

export const dynamic = "force-dynamic";

/** What a refused restore says, by the AppError code in the URL (never text from the URL). */
const RESTORE_ERRORS: Record<string, string> = {
  stale_version:
    "Someone saved this listing since you opened its history; nothing was restored. Look again and retry.",
  not_found: "That version does not exist; nothing was restored.",
  bad_request: "That request was not understood; nothing was restored.",
  validation:
    "That version no longer passes the store's checks (for example an ISBN or slug another book now uses); nothing was restored. Edit the listing instead.",
  unique_violation:
    "Another book now uses that version's slug or an ISBN; nothing was restored. Edit the listing instead.",
};
const VERSION = /^\d{1,9}$/;
export const metadata: Metadata = { title: "Listing history", robots: { index: false, follow: false } };

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requireStaff("editor", { next: `/admin/books/${id}/history` });
  const bookId = Number(id);
  const listing = Number.isInteger(bookId) && bookId > 0 ? await getListingForEdit(bookId) : null;
  if (!listing) notFound();
  const [revisions, { categories }] = [await getRevisions(bookId), await getListingOptions()];
  const categoryNames = new Map(categories.map((c) => [c.slug, c.name]));
  const query = await searchParams;
  return (
    <>
      <p>
        <Link href={`/admin/books/${bookId}`}>← Edit {listing.data.title}</Link>
      </p>
      <h1>History of {listing.data.title}</h1>
      {typeof query.restored === "string" && VERSION.test(query.restored) && (
        <p className={styles.notice} role="status">
          Restored as version {query.restored}.
        </p>
      )}
      {typeof query.unchanged === "string" && VERSION.test(query.unchanged) && (
        <p className={styles.notice} role="status">
          Nothing to restore: the listing already holds those values (still version {query.unchanged}).
        </p>
      )}
      {typeof query.error === "string" && (
        <p className={styles.alert} role="alert">
          {(Object.hasOwn(RESTORE_ERRORS, query.error) && RESTORE_ERRORS[query.error]) ||
            "That version could not be restored; nothing changed."}
        </p>
      )}
      {revisions.map((revision) => {
        const changes = describeChanges(revision.diff, {
          categoryNames,
          currencies: { to: revision.currencies },
        });
        return (
          <section key={revision.id} className={styles.card} aria-label={`Version ${revision.version}`}>
            <h2>
              Version {revision.version} · {revision.by} · {utcTime(revision.at)} · {revision.source}
            </h2>
            {changes.length ? (
              <ChangesTable changes={changes} caption={`Changed in version ${revision.version}`} />
            ) : (
              <p>No field changed.</p>
            )}
            {revision.version !== listing.version && (
              <form action={restoreRevisionAction}>
                <input type="hidden" name="bookId" value={bookId} />
                <input type="hidden" name="revisionId" value={revision.id} />
                <input type="hidden" name="version" value={listing.version} />
                <button type="submit" className={styles.buttonQuiet}>
                  Restore version {revision.version}
                </button>
              </form>
            )}
          </section>
        );
      })}
    </>
  );
}
