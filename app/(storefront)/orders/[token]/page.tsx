import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderLines } from "@/components/ui/order-lines";
import { addressLines, getOrderByToken, ORDER_STATUS_LABELS } from "@/lib/checkout";
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
  const address = order.shippingAddress;

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
                {addressLines(address).map((line) => (
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
