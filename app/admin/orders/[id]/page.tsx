import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderLines } from "@/components/ui/order-lines";
import { requireStaff } from "@/lib/auth";
import { formatAddressLines, getOrderForAdmin, ORDER_STATUS_LABELS } from "@/lib/checkout/orders/service";
import { utcTime } from "../../admin-ui";
import styles from "../../admin.module.css";
import { ShipForm } from "./ship-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order", robots: { index: false, follow: false } };

const when = (iso: string | null) => (iso ? utcTime(iso, { seconds: true }) : "—");

export default async function AdminOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ shipped?: string }>;
}) {
  const { id } = await params;
  const { shipped } = await searchParams;
  await requireStaff("admin", { next: `/admin/orders/${encodeURIComponent(id)}` });
  const order = await getOrderForAdmin(id);
  if (!order) notFound();
  const address = order.shippingAddress ? await formatAddressLines(order.shippingAddress) : null;
  const timeline: [string, string | null][] = [
    ["Placed", order.createdAt],
    ["Paid", order.paidAt],
    ["Shipped", order.shippedAt],
    ["Expired", order.expiredAt],
    ["Refunded", order.refundedAt],
  ];

  return (
    <>
      <p>
        <Link href="/admin/orders">← All orders</Link>
      </p>
      <h1>Order {order.number}</h1>
      <p className={order.status === "refunded" ? styles.alert : styles.notice} role="status">
        Status: <strong>{ORDER_STATUS_LABELS[order.status]}</strong>
        {order.shippedAt ? " · shipped" : ""}
      </p>
      {shipped === "1" && order.shippedAt ? (
        <p className={styles.notice} role="status">
          Marked shipped; the shipping email to the customer is in the outbox.
        </p>
      ) : null}

      {order.needsShipping && order.status === "paid" ? (
        <section className={styles.card} aria-labelledby="shipment">
          <h2 id="shipment">Shipment</h2>
          {order.shippedAt ? (
            <p>
              Shipped {when(order.shippedAt)} with {order.carrier}, tracking number{" "}
              <strong>{order.trackingNumber}</strong>.
            </p>
          ) : (
            <>
              <p>
                Pack the printed books, then record the carrier and tracking number: the customer gets an
                email.
              </p>
              <ShipForm orderId={order.id} />
            </>
          )}
        </section>
      ) : null}

      <section className={styles.card} aria-labelledby="lines">
        <h2 id="lines">Lines</h2>
        <OrderLines
          order={order}
          caption="Lines as priced when the order was placed"
          captionHidden
          className={styles.table}
        />
      </section>

      <section className={styles.card} aria-labelledby="customer">
        <h2 id="customer">Customer</h2>
        <dl>
          <dt>Email</dt>
          <dd>{order.email ?? "— (not given yet)"}</dd>
          <dt>Shipping address</dt>
          <dd>
            {address ? (
              <address>
                {address.map((line) => (
                  <span key={line}>
                    {line}
                    <br />
                  </span>
                ))}
              </address>
            ) : order.needsShipping ? (
              "— (not given yet)"
            ) : (
              "None: digital items only"
            )}
          </dd>
        </dl>
      </section>

      <section className={styles.card} aria-labelledby="payment">
        <h2 id="payment">Payment</h2>
        <dl>
          <dt>Provider</dt>
          <dd>{order.provider}</dd>
          <dt>Checkout session</dt>
          <dd>
            <code>{order.providerSessionId ?? "—"}</code>
          </dd>
          <dt>Payment</dt>
          <dd>
            <code>{order.providerPaymentId ?? "—"}</code>
          </dd>
          {timeline.map(([label, at]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{when(at)}</dd>
            </div>
          ))}
        </dl>
        <h3>Payment events</h3>
        {order.events.length === 0 ? (
          <p>No event from the provider yet.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Event</th>
                <th scope="col">Outcome</th>
                <th scope="col">Event id</th>
              </tr>
            </thead>
            <tbody>
              {order.events.map((event) => (
                <tr key={event.id}>
                  <td>{when(event.receivedAt)}</td>
                  <td>
                    <code>{event.type}</code>
                  </td>
                  <td>{event.outcome}</td>
                  <td>
                    <code>{event.id}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {order.downloads.length > 0 ? (
        <section className={styles.card} aria-labelledby="downloads">
          <h2 id="downloads">Ebook downloads</h2>
          <ul>
            {order.downloads.map((grant) => (
              <li key={grant.id}>
                {grant.bookTitle}: {grant.downloadCount} of {grant.downloadLimit} downloads used
                {grant.available ? "" : " (no file uploaded yet)"}
              </li>
            ))}
          </ul>
          {order.downloadLog.length > 0 ? (
            <table className={styles.table}>
              <caption className="visually-hidden">Download attempts, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Ebook</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {order.downloadLog.map((entry, index) => (
                  <tr key={`${entry.createdAt}-${index}`}>
                    <td>{when(entry.createdAt)}</td>
                    <td>{entry.bookTitle}</td>
                    <td>{entry.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No download yet.</p>
          )}
        </section>
      ) : null}

      <section className={styles.card} aria-labelledby="emails">
        <h2 id="emails">Emails</h2>
        {order.emails.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {order.emails.map((email) => (
              <li key={email.id}>
                <Link href={`/admin/emails/${email.id}`}>“{email.subject}”</Link> to {email.to}, queued{" "}
                {when(email.createdAt)},{" "}
                {email.sentAt
                  ? `sent ${when(email.sentAt)}`
                  : email.failedAt
                    ? `failed: ${email.error ?? "unknown error"}`
                    : email.error
                      ? `waiting to retry (${email.error})`
                      : "waiting in the outbox"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
