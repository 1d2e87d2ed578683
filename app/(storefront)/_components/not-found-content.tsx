import Link from "next/link";
import styles from "./not-found-content.module.css";

/** What a shopper sees for an unknown, unpublished or removed page: a way back to the books. */
export function NotFoundContent() {
  return (
    <section className={`container ${styles.wrap}`} aria-labelledby="not-found-title">
      <p className="eyebrow">Error 404</p>
      <h1 id="not-found-title">We couldn&apos;t find that page</h1>
      <p className={styles.lead}>
        The book or page you were looking for isn&apos;t on our shelves. It may have been moved, renamed or
        taken out of the catalog.
      </p>
      <form action="/search" method="get" role="search" className={styles.search}>
        <label htmlFor="not-found-search">Search the catalog</label>
        <div className={styles.row}>
          <input id="not-found-search" name="q" type="search" maxLength={200} className={styles.input} />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <p>
        <Link href="/">Go to the home page</Link> or <Link href="/books">browse all books</Link>.
      </p>
    </section>
  );
}
