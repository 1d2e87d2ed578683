import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { failedEmailCount } from "@/lib/mail";
import styles from "./admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false, follow: false } };

export default async function AdminDashboard() {
  const staff = await requireStaff(undefined, { next: "/admin" });
  const failedEmails = staff.role === "admin" ? await failedEmailCount() : 0;
  return (
    <>
      <h1>Dashboard</h1>
      {failedEmails > 0 && (
        <p className={styles.alert} role="alert">
          {plural(failedEmails, { one: "# email to a customer has", other: "# emails to customers have" })}{" "}
          failed after every retry.{" "}
          <Link href="/admin/emails?status=failed">See them and send them again</Link>.
        </p>
      )}
      <section className={styles.card}>
        <p>
          Signed in as <strong>{staff.name}</strong> ({staff.email}), role <strong>{staff.role}</strong>.
        </p>
      </section>
      <section className={styles.card}>
        <h2>Go to</h2>
        <ul>
          <li>
            <Link href="/admin/books">Books</Link>: edit listings, prices and editions, publish drafts, see a
            listing&apos;s history.
          </li>
          <li>
            <Link href="/admin/ratings">Ratings</Link>: publish, reject or delete shoppers&apos; ratings.
          </li>
          <li>
            <Link href="/admin/exchange">Import and export</Link>: listings as CSV (with a dry run before
            importing), ONIX 3.0 for the book trade.
          </li>
          {staff.role === "admin" && (
            <>
              <li>
                <Link href="/admin/orders">Orders</Link>: find an order, its lines, address and payment
                events; mark print orders shipped.
              </li>
              <li>
                <Link href="/admin/emails">Emails</Link>: receipts and shipping emails, sent, waiting or
                failed.
              </li>
              <li>
                <Link href="/admin/users">Staff users</Link>: invite staff, change roles, disable accounts,
                reset passwords.
              </li>
              <li>
                <Link href="/admin/audit">Audit log</Link>: every sign-in, account change and moderation.
              </li>
            </>
          )}
          <li>
            <Link href="/">The storefront</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
