import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { catalogDatabaseKind, getCsvImport, type ImportJobView } from "@/lib/catalog/exchange/service";
import styles from "../../../admin.module.css";
import { applyCsvImportAction } from "../../csv-actions";
import { utcTime } from "../../../admin-ui";
import { importStatusLabel } from "../labels";
import { plural } from "@/lib/plural";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "CSV import", robots: { index: false, follow: false } };

const REFRESH_SECONDS = 2;

function Progress({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <p>
      <label htmlFor="import-progress">{label}</label>{" "}
      <progress id="import-progress" max={Math.max(max, 1)} value={value}>
        {value} of {max}
      </progress>{" "}
      {value} of {max || "…"}
    </p>
  );
}

function Summary({ job }: { job: ImportJobView }) {
  const done = job.status === "applied";
  const { create, update, unchanged } = job.counts;
  return (
    <p>
      {plural(job.totalRows, { one: "# row", other: "# rows" })}:{" "}
      {plural(create, { one: "# book", other: "# books" })} {done ? "created" : "to create"}, {update}{" "}
      {done ? "updated" : "to update"}, {unchanged} unchanged.
    </p>
  );
}

// The dry run's result, the apply's progress and outcome. While the job runs the page refreshes
// itself (a meta refresh: no JavaScript needed).
export default async function CsvImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff("editor", { next: `/admin/exchange/csv-imports/${id}` });
  const importId = Number(id);
  const job = Number.isInteger(importId) && importId > 0 ? await getCsvImport(importId) : null;
  if (!job) notFound();
  const kind = await catalogDatabaseKind();
  const running = job.status === "validating" || job.status === "applying";
  const toChange = job.counts.create + job.counts.update;
  const checked = job.status === "validated" || job.status === "invalid" || job.status === "applied";

  return (
    <>
      {running && <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />}
      <p>
        <Link href="/admin/exchange">← Import and export</Link>
      </p>
      <h1>
        CSV import #{job.id}: {job.fileName}
      </h1>
      <p>
        <strong>{importStatusLabel(job)}</strong>. Uploaded {utcTime(job.createdAt)}
        {job.createdBy && ` by ${job.createdBy}`} ({Math.ceil(job.byteSize / 1024)} KB).
      </p>

      {job.status === "validating" && (
        <Progress label="Rows checked" value={job.rowsValidated} max={job.totalRows} />
      )}
      {job.status === "applying" &&
        (kind === "postgres" ? (
          <Progress label="Rows saved" value={job.rowsApplied} max={job.totalRows} />
        ) : (
          <p>
            Saving {job.totalRows} rows in one transaction. The embedded database has a single connection, so
            the store waits for it and progress shows only when it is done.
          </p>
        ))}
      {running && <p>This page refreshes every {REFRESH_SECONDS} seconds.</p>}

      {job.message && (
        <p className={styles.alert} role="alert">
          {job.message}
        </p>
      )}
      {job.status === "applied" && (
        <p className={styles.notice} role="status">
          Applied: {job.counts.create} created, {job.counts.update} updated.
        </p>
      )}
      {checked && <Summary job={job} />}

      {job.errorCount > 0 && (
        <section className={styles.card} aria-labelledby="import-errors">
          <h2 id="import-errors">
            {plural(job.errorCount, { one: "# problem", other: "# problems" })}: nothing was changed
          </h2>
          <p>
            Fix these rows and upload the file again.
            {job.errors.length < job.errorCount && ` The first ${job.errors.length} are listed.`}
          </p>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((error, i) => (
                <tr key={i}>
                  <td>{error.line}</td>
                  <td>{error.column ? <code>{error.column}</code> : "—"}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {job.status === "validated" &&
        (toChange > 0 ? (
          <form action={applyCsvImportAction} className={styles.card}>
            <input type="hidden" name="importId" value={job.id} />
            <p>
              Applying saves {plural(toChange, { one: "this book", other: "these # books" })} in one
              transaction, checking every row again first: if the store changed since this dry run, nothing is
              saved.
            </p>
            {kind === "pglite" && (
              <p className={styles.notice}>
                This store runs on the embedded database (PGlite), which has one connection: while the import
                is applied, the storefront and the admin wait for it (seconds for a few hundred rows). Large
                files belong on PostgreSQL, where shoppers keep browsing meanwhile.
              </p>
            )}
            <button type="submit" className={styles.button}>
              Apply import
            </button>
          </form>
        ) : (
          <p className={styles.notice}>Nothing to change: every book in the file is as the store has it.</p>
        ))}

      {job.changes.length > 0 && (
        <section className={styles.card} aria-labelledby="import-changes">
          <h2 id="import-changes">{job.status === "applied" ? "Changes made" : "Changes to make"}</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Book</th>
                <th scope="col">Change</th>
                <th scope="col">Fields</th>
              </tr>
            </thead>
            <tbody>
              {job.changes.map((change) => (
                <tr key={change.line}>
                  <td>{change.line}</td>
                  <td>
                    <Link href={`/admin/books?q=${encodeURIComponent(change.slug)}`}>{change.title}</Link>
                  </td>
                  <td>{change.action === "create" ? "new book" : "update"}</td>
                  <td>
                    {change.fields.slice(0, 6).join(", ")}
                    {change.fields.length > 6 && ` and ${change.fields.length - 6} more`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {(job.status === "invalid" || job.status === "failed") && (
        <p>
          <Link href="/admin/exchange#csv-import">Upload a corrected file</Link>
        </p>
      )}
    </>
  );
}
