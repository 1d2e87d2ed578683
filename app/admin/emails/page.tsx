import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { listMailbox, mailTransportName, MAILBOX_FILTERS, parseMailboxFilter } from "@/lib/mail";
import { Pager, utcTime } from "../admin-ui";
import styles from "../admin.module.css";
import { emailState } from "./email-state";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Emails", robots: { index: false, follow: false } };

const FILTER_LABELS = { all: "All", waiting: "Waiting", sent: "Sent", failed: "Failed" } as const;

// Every email the store sends (receipts, shipping notices): customers' addresses, so admins only.
export default async function EmailsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("admin", { next: "/admin/emails" });
  const params = await searchParams;
  const filter = parseMailboxFilter(params.status);
  const page = Math.min(Math.max(1, Number(params.page) || 1), 10_000);
  const mailbox = await listMailbox(filter, page);
  const transport = mailTransportName();
  const href = (p: number) => {
    const query = new URLSearchParams();
    if (filter !== "all") query.set("status", filter);
    if (p > 1) query.set("page", String(p));
    const qs = query.toString();
    return qs ? `/admin/emails?${qs}` : "/admin/emails";
  };

  return (
    <>
      <h1>Emails</h1>
      <p>
        {transport === "smtp"
          ? "Emails are sent through the SMTP server in SMTP_URL. One that the server refuses is tried again later (after 30 seconds, then ever longer waits); after 8 attempts it is marked failed and stays here until you send it again."
          : "Demo mode without SMTP_URL: emails are delivered to this mailbox instead of being sent. Open one to see it as the customer would."}
      </p>
      {mailbox.failed > 0 ? (
        <p className={styles.alert} role="alert">
          {plural(mailbox.failed, { one: "# email has", other: "# emails have" })} failed.{" "}
          <Link href="/admin/emails?status=failed">See the failed emails</Link>.
        </p>
      ) : null}
      <nav aria-label="Filter emails" className={styles.inline}>
        {MAILBOX_FILTERS.map((value) =>
          value === filter ? (
            <strong key={value} aria-current="page">
              {FILTER_LABELS[value]}
            </strong>
          ) : (
            <Link key={value} href={value === "all" ? "/admin/emails" : `/admin/emails?status=${value}`}>
              {FILTER_LABELS[value]}
            </Link>
          ),
        )}
      </nav>
      <p role="status">
        {plural(mailbox.total, { one: "# email", other: "# emails" })}
        {mailbox.pageCount > 1 && `, page ${mailbox.page} of ${mailbox.pageCount}`}
      </p>
      {mailbox.rows.length > 0 && (
        <table className={`${styles.table} ${styles.stack}`}>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Order</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {mailbox.rows.map((row) => (
              <tr key={row.id}>
                <td>{utcTime(row.createdAt)}</td>
                <td>{row.to}</td>
                <td>
                  <Link href={`/admin/emails/${row.id}`}>{row.subject}</Link>
                </td>
                <td>
                  {row.orderId ? <Link href={`/admin/orders/${row.orderId}`}>{row.orderNumber}</Link> : "—"}
                </td>
                <td>
                  {emailState(row)}
                  {row.error && !row.sentAt ? (
                    <>
                      <br />
                      <small>{row.error}</small>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={mailbox.page} pageCount={mailbox.pageCount} href={href} />
    </>
  );
}
