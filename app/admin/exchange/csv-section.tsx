import Link from "next/link";
import {
  CSV_COLUMN_HELP,
  CSV_COLUMNS,
  CSV_IMPORT_MAX_BYTES,
  CSV_IMPORT_MAX_ROWS,
  listCsvImports,
  type UploadProblem,
} from "@/lib/catalog/exchange/service";
import styles from "../admin.module.css";
import { utcTime } from "../admin-ui";
import { importStatusLabel } from "./csv-imports/labels";

const MAX_MB = CSV_IMPORT_MAX_BYTES / (1024 * 1024);

const UPLOAD_PROBLEMS: Record<UploadProblem, string> = {
  no_file: "Choose a CSV file to upload.",
  too_large: `That file is larger than ${MAX_MB} MB. Split it into smaller files (keep each book's rows in one file).`,
  not_utf8: "That file is not UTF-8 text. In your spreadsheet app, save it as “CSV UTF-8”.",
  not_text: "That file is not a text CSV file.",
  incomplete: "The upload did not finish in time; try again.",
};

/** The CSV export and import of listings: one section each, and the latest imports. */
export async function CsvSections({ uploadProblem }: { uploadProblem: string | undefined }) {
  const imports = await listCsvImports();
  const problem = uploadProblem
    ? Object.hasOwn(UPLOAD_PROBLEMS, uploadProblem)
      ? UPLOAD_PROBLEMS[uploadProblem as UploadProblem]
      : "The upload failed."
    : null;
  return (
    <>
      <section className={styles.card} aria-labelledby="csv-export">
        <h2 id="csv-export">Export listings (CSV)</h2>
        <p>
          Every book, whatever its status, one row per edition. The file is UTF-8 with a byte order mark, so
          spreadsheet apps show accents; keep the ISBN column as text when you edit it there.
        </p>
        <p>
          <a href="/admin/export/listings.csv" className={styles.button}>
            Download listings.csv
          </a>
        </p>
      </section>

      <section className={styles.card} aria-labelledby="csv-import">
        <h2 id="csv-import">Import listings (CSV)</h2>
        <p>
          Upload a file in the export&apos;s format. A dry run checks every row and lists what it would create
          and update; nothing changes until you apply it, and then every book is saved or none is. Each
          changed book gets a revision in its history. A book&apos;s rows are its complete list of editions;
          books not in the file are left alone.
        </p>
        {problem && (
          <p className={styles.alert} role="alert">
            {problem}
          </p>
        )}
        <form
          method="post"
          action="/admin/exchange/csv-imports"
          encType="multipart/form-data"
          className={styles.form}
        >
          <div className={styles.field}>
            <label htmlFor="csv-file">
              CSV file (at most {MAX_MB} MB and {CSV_IMPORT_MAX_ROWS.toLocaleString("en")} rows)
            </label>
            <input id="csv-file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit" className={styles.button}>
            Check the file
          </button>
        </form>
        <details>
          <summary>The columns</summary>
          <table className={styles.table}>
            <tbody>
              {CSV_COLUMNS.map((column) => (
                <tr key={column}>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td>{CSV_COLUMN_HELP[column]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      {imports.length > 0 && (
        <section className={styles.card} aria-labelledby="csv-recent">
          <h2 id="csv-recent">Latest CSV imports</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col">Rows</th>
                <th scope="col">Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link href={`/admin/exchange/csv-imports/${job.id}`}>#{job.id}</Link>
                  </td>
                  <td>{job.fileName}</td>
                  <td>{importStatusLabel(job)}</td>
                  <td>{job.totalRows}</td>
                  <td>
                    {utcTime(job.createdAt)}
                    {job.createdBy && ` by ${job.createdBy}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
