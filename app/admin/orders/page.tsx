import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { formatMoney } from "@/lib/catalog/money";
import {
  getOrdersForAdmin,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  parseAdminOrderQuery,
  type AdminOrderQuery,
} from "@/lib/checkout";
import styles from "../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders", robots: { index: false, follow: false } };

const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) : "—");

function listHref(query: AdminOrderQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["status", "from", "to", "q"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/admin/orders?${qs}` : "/admin/orders";
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className={styles.fieldError}>
      {message}
    </span>
  ) : null;
}

// Customers' names, emails and addresses: admins only.
export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("admin", { next: "/admin/orders" });
  const params = await searchParams;
  const { query, errors } = parseAdminOrderQuery(params);
  const result = await getOrdersForAdmin(query);
  const typed = (key: string) => (typeof params[key] === "string" ? params[key] : "");

  return (
    <>
      <h1>Orders</h1>
      <p>
        Orders change only through the payment provider&apos;s webhook (paid, expired, refunded). Dates are
        UTC.
      </p>
      <form method="get" action="/admin/orders" className={styles.card} role="search">
        <div className={styles.inline}>
          <label htmlFor="status">Status</label>
          <select
            id="status"
            name="status"
            defaultValue={query.status ?? ""}
            aria-invalid={errors.status ? true : undefined}
            aria-describedby={errors.status ? "status-error" : undefined}
          >
            <option value="">Any</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ORDER_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <FieldError id="status-error" message={errors.status} />
        </div>
        <div className={styles.inline}>
          <label htmlFor="from">From</label>
          <input
            id="from"
            name="from"
            type="date"
            defaultValue={typed("from")}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? "from-error" : undefined}
          />
          <FieldError id="from-error" message={errors.from} />
        </div>
        <div className={styles.inline}>
          <label htmlFor="to">To</label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={typed("to")}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? "to-error" : undefined}
          />
          <FieldError id="to-error" message={errors.to} />
        </div>
        <div className={styles.inline}>
          <label htmlFor="q">Order number or email</label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={typed("q")}
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={errors.q ? "q-error" : undefined}
          />
          <FieldError id="q-error" message={errors.q} />
        </div>
        <button type="submit" className={styles.buttonQuiet}>
          Filter
        </button>
      </form>

      <p role="status">
        {result.total} {result.total === 1 ? "order" : "orders"}
        {result.pageCount > 1 && `, page ${result.page} of ${result.pageCount}`}
      </p>
      {result.rows.length > 0 && (
        <table className={`${styles.table} ${styles.stack}`}>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Status</th>
              <th scope="col">Placed</th>
              <th scope="col">Customer</th>
              <th scope="col">Items</th>
              <th scope="col">Total</th>
              <th scope="col">Provider</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/admin/orders/${row.id}`}>{row.number}</Link>
                </td>
                <td>
                  {ORDER_STATUS_LABELS[row.status]}
                  {row.refundedAt && (
                    <>
                      <br />
                      <small>refunded {when(row.refundedAt)}</small>
                    </>
                  )}
                </td>
                <td>{when(row.createdAt)}</td>
                <td>{row.email ?? "—"}</td>
                <td>{row.itemCount}</td>
                <td>{formatMoney(row.totalCents, row.currency)}</td>
                <td>{row.provider}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className={styles.pager} aria-label="Pages">
        {result.page > 1 && <Link href={listHref(query, result.page - 1)}>← Previous</Link>}
        {result.page < result.pageCount && <Link href={listHref(query, result.page + 1)}>Next →</Link>}
      </nav>
    </>
  );
}
