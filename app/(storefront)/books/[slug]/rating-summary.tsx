import type { ReactNode } from "react";
import { Stars } from "@/components/ui/stars";
import type { RatingDistribution } from "@/lib/catalog/ratings/service";
import styles from "./book.module.css";
import { plural } from "@/lib/plural";

/** Shopper ratings on this store: average, count and the 5..1 distribution, then `children`. */
export function RatingSummary({ ratings, children }: { ratings: RatingDistribution; children?: ReactNode }) {
  return (
    <section className={styles.section} aria-labelledby="ratings">
      <h2 id="ratings">Shopper ratings</h2>
      {ratings.count === 0 ? (
        <p className="muted">No shopper has rated this book yet.</p>
      ) : (
        <div className={styles.ratingSummary}>
          <p className={styles.ratingAverage}>
            <Stars value={ratings.average} label={`Average ${ratings.average.toFixed(1)} out of 5`} />{" "}
            <strong>{ratings.average.toFixed(1)} out of 5</strong>{" "}
            <span className="muted">({plural(ratings.count, { one: "# rating", other: "# ratings" })})</span>
          </p>
          <table className={styles.distribution}>
            <caption className="visually-hidden">Ratings by number of stars</caption>
            <tbody>
              {ratings.stars.map((row) => {
                const pct = Math.round((row.count / ratings.count) * 100);
                return (
                  <tr key={row.stars}>
                    <th scope="row">{row.stars} star</th>
                    <td className={styles.barCell}>
                      <span className={styles.bar} aria-hidden="true">
                        <span style={{ width: `${pct}%` }} />
                      </span>
                    </td>
                    <td>{row.count}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}
