import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderLines } from "@/components/ui/order-lines";
import {
  formatAddressLines,
  getOrderByToken,
  getOrderDownloads,
  ORDER_STATUS_LABELS,
} from "@/lib/checkout/orders/service";
import { DOWNLOAD_LINK_DAYS } from "@/lib/ebooks/links";
import styles from "./order.module.css";

// Reachable only with the unguessable token in the URL (proxy.ts answers 404 for unknown ones).
// Orders are fulfilled by the payment webhook; this page only reads.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Your order",
  robots: { index: false, follow: false },
  // The URL is the key to the order: never send it to another site ("no-referrer" would also
  // send Origin: null on form posts, which Next refuses for server actions).
  referrer: "same-origin",
};

const REFRESH_SECONDS = 3;

interface Props {
  params: Promise<{ token: string }>;
}

export default async function OrderPage({ params }: Props) {
  const { token } = await params;
  const order = await getOrderByToken(token);
  if (!order) notFound();
  const pending = order.status === "pending";
  const address = order.shippingAddress ? await formatAddressLines(order.shippingAddress) : null;
  const downloads = await getOrderDownloads(order);
  const shippedOn = order.shippedAt
    ? new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(order.shippedAt),
      )
    : null;

  return (
    <div className={`container ${styles.page}`}>
      {/* Works without JavaScript: the page reloads until the payment webhook has arrived. */}
      {pending ? <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
      <p className="eyebrow">Order {order.number}</p>
      <h1>{order.status === "paid" ? "Thank you for your order" : "Your order"}</h1>
      <p className={`${styles.status} ${styles[order.status]}`} role="status">
        Status: <strong>{ORDER_STATUS_LABELS[order.status]}</strong>
      </p>
      {pending ? (
        <p className="muted">
          We are waiting for the payment provider to confirm. This page updates by itself.
        </p>
      ) : null}
      {order.status === "paid" && order.email ? <p>A receipt is on its way to {order.email}.</p> : null}

      <OrderLines order={order} caption="Items" totalTestId="order-total" className={styles.items} />

      {downloads.length > 0 ? (
        <section aria-labelledby="ebooks-title" className={styles.section}>
          <h2 id="ebooks-title">Your ebooks</h2>
          {order.status === "refunded" ? (
            <p>This order was refunded: its downloads are closed.</p>
          ) : (
            <>
              <ul className={styles.downloads}>
                {downloads.map((download) => (
                  <li key={download.id}>
                    {download.path ? (
                      <a href={download.path} className="button" download>
                        Download {download.bookTitle}
                      </a>
                    ) : (
                      <strong>{download.bookTitle}</strong>
                    )}{" "}
                    <span className="muted">
                      {download.remaining > 0
                        ? download.available
                          ? `${download.remaining} of ${download.downloadLimit} downloads left`
                          : "The file is not ready yet: we will email you when it is."
                        : `All ${download.downloadLimit} downloads used. Write to us if you need another.`}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="muted">
                Download links work for {DOWNLOAD_LINK_DAYS} days; this page always shows fresh ones.
              </p>
            </>
          )}
        </section>
      ) : null}

      {order.needsShipping && order.status === "paid" ? (
        <section aria-labelledby="shipping-title" className={styles.section}>
          <h2 id="shipping-title">Shipping</h2>
          {shippedOn ? (
            <p data-testid="shipment">
              Shipped on {shippedOn} with {order.carrier}, tracking number{" "}
              <strong>{order.trackingNumber}</strong>.
            </p>
          ) : (
            <p data-testid="shipment">We are preparing your parcel. We will email you when it ships.</p>
          )}
        </section>
      ) : null}

      <dl className={styles.details}>
        {order.email ? (
          <div>
            <dt>Email</dt>
            <dd>{order.email}</dd>
          </div>
        ) : null}
        {address ? (
          <div>
            <dt>Shipping to</dt>
            <dd>
              <address>
                {address.map((line) => (
                  <span key={line} className={styles.addressLine}>
                    {line}
                  </span>
                ))}
              </address>
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
