import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { formatMoney } from "@/lib/catalog/shared";
import { getDashboardFigures, type Period, type SalesFigure } from "@/lib/dashboard";
import { failedEmailCount } from "@/lib/mail";
import styles from "./admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false, follow: false } };

export default async function AdminDashboard() {
  const staff = await requireStaff(undefined, { next: "/admin" });
  const failedEmails = staff.role === "admin" ? await failedEmailCount() : 0;
  const figures = await getDashboardFigures();
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
      {staff.role === "admin" && (
        <section className={styles.card} aria-labelledby="sales">
          <h2 id="sales">Sales</h2>
          <p className={styles.hint}>
            Orders placed and paid (refunds not counted); days and weeks in UTC, weeks from Monday.
          </p>
          <div className={styles.figures}>
            <Sales name="Today" period={figures.today} />
            <Sales name="This week" period={figures.week} />
          </div>
        </section>
      )}
      <section className={styles.card} aria-labelledby="waiting">
        <h2 id="waiting">Waiting for you</h2>
        <div className={styles.figures}>
          <Figure
            count={figures.ratingsWaiting}
            label={plural(figures.ratingsWaiting, { one: "rating waiting", other: "ratings waiting" })}
            href="/admin/ratings?status=pending"
            linkText="Moderate"
          />
          <Figure
            count={figures.drafts}
            label={plural(figures.drafts, { one: "draft", other: "drafts" })}
            href="/admin/books?status=draft"
            linkText="See the drafts"
          />
          <Figure
            count={figures.booksWithoutCover}
            label={plural(figures.booksWithoutCover, {
              one: "book without an uploaded cover",
              other: "books without an uploaded cover",
            })}
            href="/admin/books?missing=cover"
            linkText="See the books"
          />
          <Figure
            count={figures.ebooksWithoutFile}
            label={plural(figures.ebooksWithoutFile, {
              one: "ebook edition without its file",
              other: "ebook editions without their file",
            })}
            href="/admin/books?missing=ebook-file"
            linkText="See the books"
          />
        </div>
      </section>
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

function Figure({
  count,
  label,
  href,
  linkText,
}: {
  count: number;
  label: string;
  href: string;
  linkText: string;
}) {
  return (
    <div className={styles.figure}>
      <p className={styles.figureValue}>{count}</p>
      <p className={styles.figureLabel}>
        {label}
        {count > 0 && (
          <>
            {" "}
            <Link href={href}>{linkText}</Link>
          </>
        )}
      </p>
    </div>
  );
}

function Sales({ name, period }: { name: string; period: Period & SalesFigure }) {
  const range = new URLSearchParams({ status: "paid", from: period.firstDay, to: period.lastDay });
  return (
    <div className={styles.figure}>
      <h3 className={styles.figureName}>
        {name}
        <span className={styles.figureRange}>
          {period.firstDay === period.lastDay ? period.firstDay : `${period.firstDay} to ${period.lastDay}`}
        </span>
      </h3>
      <p className={styles.figureValue}>
        {period.revenue.length === 0
          ? "Nothing yet"
          : period.revenue.map((r) => formatMoney(r.amountMinor, r.currency)).join(" + ")}
      </p>
      <p className={styles.figureLabel}>
        {plural(period.orders, { one: "# order", other: "# orders" })}
        {period.orders > 0 && (
          <>
            {" "}
            <Link href={`/admin/orders?${range}`}>See them</Link>
          </>
        )}
      </p>
    </div>
  );
}
