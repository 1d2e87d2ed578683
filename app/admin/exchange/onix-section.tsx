import styles from "../admin.module.css";

/** The ONIX download on /admin/exchange: a plain link, the route streams the file. */
export function OnixSection() {
  return (
    <section className={styles.card} aria-labelledby="onix-export">
      <h2 id="onix-export">ONIX 3.0 export</h2>
      <p>
        Every edition of every published book as an ONIX for Books 3.0 message, the format the book trade
        exchanges: identifiers, form and accessibility, titles and series, contributors with their roles,
        languages, description, publisher and date, availability and price. Drafts and hidden books are left
        out.
      </p>
      <p>
        <a className={styles.button} href="/admin/export/onix.xml" download>
          Download ONIX 3.0 (XML)
        </a>
      </p>
      <p>
        From a shell: <code>npm run export:onix -- --out onix.xml</code>. What each field holds:{" "}
        <code>docs/admin.md</code>, “ONIX 3.0 export”.
      </p>
    </section>
  );
}
