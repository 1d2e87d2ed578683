import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { formatMoney } from "@/lib/catalog/shared";
import {
  getOrdersForAdmin,
  ORDER_STATUS_LABELS,
  ORDER_VIEWS,
  parseAdminOrderQuery,
  type AdminOrderQuery,
} from "@/lib/checkout/orders/service";
import { FieldError, invalidProps, Pager, utcTime } from "../admin-ui";
import styles from "../admin.module.css";
import { plural } from "@/lib/plural";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders", robots: { index: false, follow: false } };

function listHref(query: AdminOrderQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.view !== "orders") params.set("view", query.view);
  for (const key of ["status", "from", "to", "q"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/admin/orders?${qs}` : "/admin/orders";
}

function FilterInput(props: {
  name: string;
  label: string;
  type: string;
  value: string;
  error: string | undefined;
}) {
  return (
    <div className={styles.inline}>
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type}
        defaultValue={props.value}
        {...invalidProps(props.name, props.error)}
      />
      <FieldError id={props.name} message={props.error} />
    </div>
  );
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
      <h1>{query.view === "orders" ? "Orders" : "Abandoned checkouts"}</h1>
      <nav aria-label="Order lists" className={styles.inline}>
        {query.view === "orders" ? (
          <strong aria-current="page">Orders (paid, refunded)</strong>
        ) : (
          <Link href="/admin/orders">Orders (paid, refunded)</Link>
        )}
        {" · "}
        {query.view === "abandoned" ? (
          <strong aria-current="page">Abandoned checkouts (never paid)</strong>
        ) : (
          <Link href="/admin/orders?view=abandoned">Abandoned checkouts (never paid)</Link>
        )}
      </nav>
      <p>
        Payments change only through the payment provider&apos;s webhook (paid, expired, refunded); print
        orders are marked shipped on their page. Dates are UTC.
      </p>
      <form method="get" action="/admin/orders" className={styles.card} role="search">
        <input type="hidden" name="view" value={query.view} />
        <div className={styles.inline}>
          <label htmlFor="status">Status</label>
          <select
            id="status"
            name="status"
            defaultValue={query.status ?? ""}
            {...invalidProps("status", errors.status)}
          >
            <option value="">Any</option>
            {ORDER_VIEWS[query.view].map((status) => (
              <option key={status} value={status}>
                {ORDER_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <FieldError id="status" message={errors.status} />
        </div>
        <FilterInput name="from" label="From" type="date" value={typed("from")} error={errors.from} />
        <FilterInput name="to" label="To" type="date" value={typed("to")} error={errors.to} />
        <FilterInput
          name="q"
          label="Order number or email"
          type="search"
          value={typed("q")}
          error={errors.q}
        />
        <button type="submit" className={styles.buttonQuiet}>
          Filter
        </button>
      </form>

      <p role="status">
        {plural(result.total, { one: "# order", other: "# orders" })}
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
              <th scope="col">Shipping</th>
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
                      <small>refunded {utcTime(row.refundedAt)}</small>
                    </>
                  )}
                </td>
                <td>{utcTime(row.createdAt)}</td>
                <td>{row.email ?? "—"}</td>
                <td>{row.itemCount}</td>
                <td>{formatMoney(row.totalMinor, row.currency)}</td>
                <td>
                  {!row.needsShipping
                    ? "—"
                    : row.shippedAt
                      ? `Shipped ${utcTime(row.shippedAt)}`
                      : row.status === "paid"
                        ? "To ship"
                        : "—"}
                </td>
                <td>{row.provider}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={result.page} pageCount={result.pageCount} href={(page) => listHref(query, page)} />
    </>
  );
}
