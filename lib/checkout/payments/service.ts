// Paying for the cart: the payment provider (Stripe Checkout with a key, else the stub in demo
// mode), the pending order it starts, and the stub's own hosted-checkout page.
import "server-only";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { currentCartId } from "../cart/service";
import { parseCheckoutForm, type CheckoutFieldErrors, type CheckoutValues } from "../orders/checkout-form";
import { isStubCheckoutEnabled } from "../orders/pages";
import * as orders from "../orders/store";
import type { PaymentProvider } from "./provider";
import { startCheckout } from "./start-checkout";
import { createStripeProvider } from "./stripe/provider";
import { deliverStubEvent, stubProvider } from "./stub/provider";

export type { CheckoutFieldErrors, CheckoutValues } from "../orders/checkout-form";
export { CHECKOUT_FIELDS } from "../orders/checkout-form";

/** The stub checkout exists only in demo mode without a Stripe key: no book is ever free in live mode. */
export function stubCheckoutEnabled(): boolean {
  return isStubCheckoutEnabled(getEnv());
}

let stripeProvider: PaymentProvider | undefined;

/** The stub in demo mode without a key; Stripe Checkout whenever STRIPE_SECRET_KEY is set. */
function paymentProvider(): PaymentProvider {
  if (stubCheckoutEnabled()) return stubProvider;
  const env = getEnv();
  if (!env.STRIPE_SECRET_KEY) throw new Error("No payment provider: STRIPE_SECRET_KEY is unset.");
  stripeProvider ??= createStripeProvider({
    secretKey: env.STRIPE_SECRET_KEY,
    apiBase: env.STRIPE_API_BASE,
    siteUrl: env.SITE_URL,
  });
  return stripeProvider;
}

/**
 * Creates the pending order from live prices and returns where the shopper goes to pay; a
 * provider failure is a CartError with a fixed notice (the order expired, the cart untouched).
 */
export async function checkoutCurrentCart(): Promise<string> {
  const env = getEnv();
  const { url } = await startCheckout(await getPrisma(), await currentCartId(), paymentProvider(), {
    zones: env.shippingZones,
    secret: env.SESSION_SECRET,
  });
  return url;
}

export async function getStubSession(sessionId: string, token: string) {
  if (!stubCheckoutEnabled()) return null;
  return orders.findStubSession(await getPrisma(), sessionId, token);
}

export type StubPayResult =
  | { ok: true; redirectTo: string }
  | { ok: false; errors: CheckoutFieldErrors; values: CheckoutValues; message: string };

/** "Pay" on the stub page: validate, store the details, deliver the signed completed event. */
export async function payStubSession(
  sessionId: string,
  token: string,
  values: CheckoutValues,
): Promise<StubPayResult | null> {
  const order = await getStubSession(sessionId, token);
  if (!order) return null;
  const orderPath = `/orders/${token}`;
  if (order.status !== "pending") return { ok: true, redirectTo: orderPath };
  const parsed = await parseCheckoutForm(values, order.needsShipping, order.country ?? "");
  if (!parsed.ok)
    return { ok: false, errors: parsed.errors, values, message: "Check the highlighted fields." };
  const db = await getPrisma();
  await orders.recordCheckoutDetails(db, order.id, parsed);
  const env = getEnv();
  const delivery = await deliverStubEvent(order, "checkout.session.completed", parsed, {
    siteUrl: env.SITE_URL,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
  }).catch((error: unknown) => {
    log.error("stub payment event not delivered", error, { orderNumber: order.number });
    return null;
  });
  if (!delivery || delivery.status !== 200)
    return {
      ok: false,
      errors: {},
      values,
      message: "The payment could not be confirmed. Please try again.",
    };
  return { ok: true, redirectTo: orderPath };
}

/** "Cancel" on the stub page: the session expires (a signed expired event), the cart stays. */
export async function cancelStubSession(sessionId: string, token: string): Promise<boolean> {
  const order = await getStubSession(sessionId, token);
  if (!order) return false;
  if (order.status === "pending") {
    const env = getEnv();
    await deliverStubEvent(
      order,
      "checkout.session.expired",
      { email: null, shipping: null },
      {
        siteUrl: env.SITE_URL,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      },
    ).catch((error: unknown) =>
      log.error("stub expiry event not delivered", error, { orderNumber: order.number }),
    );
  }
  return true;
}
