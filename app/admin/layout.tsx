import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getCurrentSession } from "@/lib/auth";
import { SITE_NAME } from "@/lib/site";
import { signOutAction } from "./actions";
import styles from "./admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Bookstore" },
  robots: { index: false, follow: false },
};

// The layout only decorates: each page and action runs requireStaff itself (layouts do not
// re-render on client navigation, so they cannot be the guard).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getCurrentSession();
  const staff = session?.staff;
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link href="/admin" className={styles.brand}>
          {SITE_NAME} admin
        </Link>
        {staff && (
          <>
            <nav className={styles.nav} aria-label="Admin">
              <Link href="/admin">Dashboard</Link>
              <Link href="/admin/books">Books</Link>
              <Link href="/admin/ratings">Ratings</Link>
              <Link href="/admin/pages">Pages</Link>
              {staff.role === "admin" && <Link href="/admin/orders">Orders</Link>}
              {staff.role === "admin" && <Link href="/admin/emails">Emails</Link>}
              <Link href="/admin/exchange">Import and export</Link>
              {staff.role === "admin" && <Link href="/admin/users">Users</Link>}
              {staff.role === "admin" && <Link href="/admin/audit">Audit log</Link>}
              {staff.role === "admin" && <Link href="/admin/tokens">API tokens</Link>}
            </nav>
            <span className={styles.who}>
              {staff.email} ({staff.role})
            </span>
            <form action={signOutAction}>
              <button type="submit" className={styles.buttonQuiet}>
                Sign out
              </button>
            </form>
          </>
        )}
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
