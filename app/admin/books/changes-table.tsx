import type { ChangeRow } from "@/lib/catalog/listings/model";
import styles from "../admin.module.css";

/** Changed fields with the form's labels, before and after (the history and the conflict view). */
export function ChangesTable({
  changes,
  caption,
  headings = ["From", "To"],
}: {
  changes: ChangeRow[];
  caption: string;
  headings?: [string, string];
}) {
  return (
    <table className={`${styles.table} ${styles.stack} ${styles.changes}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">{headings[0]}</th>
          <th scope="col">{headings[1]}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path}>
            <th scope="row">{change.label}</th>
            <td data-label={headings[0]}>{change.from}</td>
            <td data-label={headings[1]}>{change.to}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
