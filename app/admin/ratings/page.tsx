import type { Metadata } from "next";
import Link from "next/link";
import { Stars } from "@/components/ui/stars";
import { requireStaff } from "@/lib/auth";
import {
  getRatingsForModeration,
  MODERATION_STATUSES,
  moderationQuerySchema,
  type ModerationDecision,
  type ModerationRow,
  type ModerationStatus,
} from "@/lib/catalog/ratings/service";
import { isValidSlug } from "@/lib/catalog/shared";
import { getEnv } from "@/lib/env";
import { Pager, utcTime } from "../admin-ui";
import styles from "../admin.module.css";
import { moderateRatingAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ratings", robots: { index: false, follow: false } };

const STATUS_LABEL: Record<ModerationStatus, string> = {
  pending: "Waiting for review",
  published: "Published",
  rejected: "Rejected",
};
const DONE: Record<ModerationDecision, string> = {
  publish: "Published",
  reject: "Rejected",
  delete: "Deleted",
};
/** What a rating in each status can become. */
const DECISIONS: Record<ModerationStatus, ModerationDecision[]> = {
  pending: ["publish", "reject", "delete"],
  published: ["reject", "delete"],
  rejected: ["publish", "delete"],
};
const BUTTON: Record<ModerationDecision, string> = { publish: "Publish", reject: "Reject", delete: "Delete" };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

function queueHref(status: ModerationStatus, page = 1): string {
  const params = new URLSearchParams({ status });
  if (page > 1) params.set("page", String(page));
  return `/admin/ratings?${params.toString()}`;
}

function RatingActions({ row, page }: { row: ModerationRow; page: number }) {
  return (
    <div className={styles.actions}>
      {DECISIONS[row.status].map((decision) => (
        <form key={decision} action={moderateRatingAction}>
          <input type="hidden" name="ratingId" value={row.id} />
          <input type="hidden" name="decision" value={decision} />
          <input type="hidden" name="status" value={row.status} />
          <input type="hidden" name="page" value={page} />
          <button
            type="submit"
            className={decision === "publish" ? styles.button : styles.buttonQuiet}
            aria-label={`${BUTTON[decision]} rating ${row.id} of ${row.book.title}`}
          >
            {BUTTON[decision]}
          </button>
        </form>
      ))}
    </div>
  );
}

export default async function RatingsModerationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("editor", { next: "/admin/ratings" });
  const params = await searchParams;
  const query = moderationQuerySchema.parse(params);
  const result = await getRatingsForModeration(query);
  const done = one(params.done);
  // Only an id and a slug come from the URL, each checked for its shape: no words of a link's choosing.
  const ratingId = one(params.rating);
  const bookSlug = one(params.book);
  const doneNotice =
    done &&
    Object.hasOwn(DONE, done) &&
    ratingId &&
    /^\d{1,9}$/.test(ratingId) &&
    bookSlug &&
    isValidSlug(bookSlug)
      ? { verb: DONE[done as ModerationDecision], ratingId, bookSlug }
      : null;
  const moderationOn = getEnv().RATINGS_MODERATION === "pending";

  return (
    <>
      <h1>Ratings</h1>
      <p>
        {moderationOn
          ? "New ratings wait here until staff publish them (RATINGS_MODERATION=pending)."
          : "New ratings are published at once (RATINGS_MODERATION=publish); reject or delete any that break the rules."}{" "}
        Only published ratings count in a book&apos;s average, and every decision updates it at once.
      </p>
      {doneNotice && (
        <p className={styles.notice} role="status">
          {doneNotice.verb} rating {doneNotice.ratingId} of <code>{doneNotice.bookSlug}</code>.
        </p>
      )}
      {params.error === "not_found" && (
        <p className={styles.alert} role="alert">
          That rating no longer exists: another moderator may have deleted it.
        </p>
      )}
      {params.error === "bad_request" && (
        <p className={styles.alert} role="alert">
          That request was not understood; nothing changed.
        </p>
      )}
      <nav aria-label="Rating status" className={styles.pager}>
        {MODERATION_STATUSES.map((status) => (
          <Link
            key={status}
            href={queueHref(status)}
            aria-current={status === query.status ? "page" : undefined}
            className={status === query.status ? styles.button : styles.buttonQuiet}
          >
            {STATUS_LABEL[status]} ({result.counts[status]})
          </Link>
        ))}
      </nav>

      {result.rows.length === 0 ? (
        <p className={styles.card}>
          No ratings are {query.status === "pending" ? "waiting for review" : query.status}.
        </p>
      ) : (
        <table className={`${styles.table} ${styles.stack}`}>
          <caption className="visually-hidden">{STATUS_LABEL[query.status]}</caption>
          <thead>
            <tr>
              <th scope="col">Book</th>
              <th scope="col">Stars</th>
              <th scope="col">Review</th>
              <th scope="col">Submitted</th>
              {query.status !== "pending" && <th scope="col">Decided</th>}
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/books/${row.book.slug}`}>{row.book.title}</Link>
                  <br />
                  <small>
                    <Link href={`/admin/books/${row.book.id}`}>edit listing</Link>
                  </small>
                </td>
                <td>
                  <Stars value={row.stars} label={`${row.stars} out of 5 stars`} />
                </td>
                <td>
                  {row.title && <strong>{row.title}</strong>}
                  {row.body && <p className={styles.reviewText}>{row.body}</p>}
                  {!row.title && !row.body && <em>Stars only</em>}
                  <small className={styles.byline}>by {row.displayName ?? "anonymous"}</small>
                </td>
                <td>{utcTime(row.createdAt)}</td>
                {query.status !== "pending" && (
                  <td>
                    {row.moderatedAt
                      ? `${utcTime(row.moderatedAt)} by ${row.moderator ?? "a removed user"}`
                      : "—"}
                  </td>
                )}
                <td>
                  <RatingActions row={row} page={result.page} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={result.page} pageCount={result.pageCount} href={(page) => queueHref(query.status, page)} />
    </>
  );
}
