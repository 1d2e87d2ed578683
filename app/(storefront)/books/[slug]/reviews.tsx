import Link from "next/link";
import { Stars } from "@/components/ui/stars";
import type { RatingView } from "@/lib/catalog/ratings/service";
import styles from "./book.module.css";

/** Published reviews, newest first. Texts are rendered as text (React escapes them). */
export function ReviewList({ ratings }: { ratings: RatingView[] }) {
  return (
    <ol className={styles.reviews} aria-label="Shopper reviews, newest first">
      {ratings.map((r) => (
        <li key={r.id} className={styles.review}>
          <p className={styles.reviewHead}>
            <Stars value={r.stars} label={`${r.stars} out of 5 stars`} />{" "}
            {r.title ? <strong>{r.title}</strong> : null}
          </p>
          <p className="muted">
            {r.displayName ?? "A shopper"}, <time dateTime={r.createdAt}>{r.createdAt.slice(0, 10)}</time>
          </p>
          {r.body
            ? r.body
                .split(/\n{2,}/)
                .filter(Boolean)
                .map((p, i) => (
                  <p key={i} className={styles.reviewBody}>
                    {p}
                  </p>
                ))
            : null}
        </li>
      ))}
    </ol>
  );
}

/** The latest reviews on the product page, with a link to the rest. */
export function LatestReviews({
  slug,
  ratings,
  hasMore,
}: {
  slug: string;
  ratings: RatingView[];
  hasMore: boolean;
}) {
  if (ratings.length === 0) return null;
  return (
    <>
      <h3 className={styles.reviewsHeading}>Latest reviews</h3>
      <ReviewList ratings={ratings} />
      {hasMore ? (
        <p>
          <Link href={`/books/${slug}/reviews`}>All reviews</Link>
        </p>
      ) : null}
    </>
  );
}
