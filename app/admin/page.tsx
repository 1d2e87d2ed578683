import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import styles from "./admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false, follow: false } };

export default async function AdminDashboard() {
  const staff = await requireStaff(undefined, { next: "/admin" });
  return (
    <>
      <h1>Dashboard</h1>
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
                events.
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
