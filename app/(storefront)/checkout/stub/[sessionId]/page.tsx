import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatMoney } from "@/lib/catalog/shared";
import { OrderLines } from "@/components/ui/order-lines";
import { countryName } from "@/lib/checkout/cart/service";
import { addressFields } from "@/lib/checkout/orders/service";
import { getStubSession } from "@/lib/checkout/payments/service";
import { cancelAction } from "./actions";
import { PayForm } from "./pay-form";
import styles from "./stub.module.css";

// A stand-in for Stripe's hosted checkout, in demo mode only (proxy.ts answers 404 otherwise).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Checkout (demo payment)",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

interface Props {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ token?: string | string[] }>;
}

export default async function StubCheckoutPage({ params, searchParams }: Props) {
  const { sessionId } = await params;
  const { token } = await searchParams;
  if (typeof token !== "string") notFound();
  const order = await getStubSession(sessionId, token);
  if (!order) notFound();
  const total = formatMoney(order.totalMinor, order.currency);
  const country = order.country ?? "";
  const fields = order.needsShipping ? ((await addressFields(country)) ?? []) : [];

  return (
    <div className={`container ${styles.page}`}>
      <p className={styles.banner}>
        Demo checkout: no card is needed and no money moves. In live mode this is Stripe&apos;s page.
      </p>
      <h1>Checkout</h1>
      <p className="muted">Order {order.number}</p>
      <div className={styles.grid}>
        <section aria-labelledby="summary-title" className={styles.summary}>
          <h2 id="summary-title">Order summary</h2>
          <OrderLines
            order={order}
            caption="Items in this order"
            captionHidden
            totalLabel="Total"
            totalTestId="checkout-total"
            className={styles.items}
          />
        </section>
        <section aria-labelledby="payment-title">
          <h2 id="payment-title">Payment details</h2>
          {order.status === "pending" ? (
            <>
              <PayForm
                sessionId={sessionId}
                token={token}
                needsShipping={order.needsShipping}
                countryName={country ? countryName(country) : ""}
                fields={fields}
                totalLabel={total}
                initialEmail={order.email ?? ""}
              />
              <form action={cancelAction} className={styles.cancel}>
                <input type="hidden" name="sessionId" value={sessionId} />
                <input type="hidden" name="token" value={token} />
                <button type="submit" className={styles.cancelButton}>
                  Cancel and return to the cart
                </button>
              </form>
            </>
          ) : (
            <p>
              This checkout is closed. <Link href={`/orders/${token}`}>See the order</Link>.
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
