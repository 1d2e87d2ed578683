import type { EditionView } from "@/lib/catalog/shared";
import styles from "./book.module.css";

const enabled = (value: boolean | null) => (value === null ? null : value ? "Enabled" : "Not enabled");
const supported = (value: boolean | null) => (value === null ? null : value ? "Supported" : "Not supported");

/** The product-details table a shopper compares editions by; only rows the catalog knows. */
export function EditionDetails({ edition, showFormat }: { edition: EditionView; showFormat: boolean }) {
  const f = edition.readingFeatures;
  const isEbook = edition.format === "ebook";
  const rows: [string, string | null][] = [
    ["Format", edition.formatName],
    ["Edition", edition.editionLabel],
    ["Publisher", edition.publisher],
    ["Publication date", edition.publicationDate],
    ["ISBN-13", edition.isbn13],
    ["File size", edition.fileSizeKb === null ? null : `${edition.fileSizeKb} KB`],
    ["Text-to-Speech", enabled(f.textToSpeech)],
    ["Enhanced typesetting", enabled(f.enhancedTypesetting)],
    ["Word Wise", enabled(f.wordWise)],
    [isEbook ? "Print length" : "Pages", edition.pageCount === null ? null : `${edition.pageCount} pages`],
    ["Screen Reader", supported(f.screenReader)],
  ];
  const known = rows.filter((row): row is [string, string] => row[1] !== null);
  const caption = isEbook ? "Ebook details" : "Product details";
  const id = `details-${edition.id}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id}>
        {caption}
        {showFormat ? `: ${edition.formatName}` : ""}
      </h2>
      <table className={styles.details}>
        <caption className="visually-hidden">
          {caption} for the {edition.formatName}
        </caption>
        <tbody>
          {known.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
