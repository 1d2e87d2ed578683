"use client";
// What a shopper sees when a page cannot be rendered, most often because the catalog's database is
// briefly unreachable (server.mjs then answers 503 with Retry-After): a way to try again.
import Link from "next/link";
import styles from "./_components/not-found-content.module.css";

export default function StorefrontError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className={`container ${styles.wrap}`} aria-labelledby="error-title">
      <p className="eyebrow">Temporarily unavailable</p>
      <h1 id="error-title">This page could not be shown just now</h1>
      <p className={styles.lead}>
        The store could not reach its catalog. Nothing you did caused this; please try again in a few seconds.
      </p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{" "}
        or <Link href="/">go to the home page</Link>.
      </p>
    </section>
  );
}
