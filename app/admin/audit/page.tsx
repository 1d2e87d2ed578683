import type { Metadata } from "next";
import Link from "next/link";
import { getAuditPage, requireStaff } from "@/lib/auth";
import { utcTime } from "../admin-ui";
import { AuditDetails } from "./audit-details";
import styles from "../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log", robots: { index: false, follow: false } };

const PAGE_SIZE = 50;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("admin", { next: "/admin/audit" });
  const raw = (await searchParams).page;
  const log = await getAuditPage(Number(typeof raw === "string" ? raw : 1), PAGE_SIZE);
  return (
    <>
      <h1>Audit log</h1>
      <p>
        {log.total} entries, newest first. Page {log.page} of {log.pageCount}.
      </p>
      <section className={styles.card}>
        <table className={`${styles.table} ${styles.stack}`}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((entry) => (
              <tr key={entry.id}>
                <td>{utcTime(entry.createdAt, { seconds: true })}</td>
                <td data-label="Who">{entry.actor?.email ?? "—"}</td>
                <td data-label="Action">{entry.action}</td>
                <td data-label="Target">
                  {entry.targetType}
                  {entry.targetId ? ` #${entry.targetId}` : ""}
                </td>
                <td data-label="Details" className={styles.auditDetails}>
                  <AuditDetails details={entry.details} />
                </td>
                <td data-label="IP">{entry.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <nav className={styles.pager} aria-label="Audit log pages">
        {log.page > 1 && <Link href={`/admin/audit?page=${log.page - 1}`}>Newer</Link>}
        {log.page < log.pageCount && <Link href={`/admin/audit?page=${log.page + 1}`}>Older</Link>}
      </nav>
    </>
  );
}
