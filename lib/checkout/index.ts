// The checkout service as pages, server actions and route handlers use it: bound to the process
// database, the cart cookie and the environment. Pure rules live beside it (rules, totals,
// order-state, events), database work in cart.ts, orders.ts and webhook.ts.
import "server-only";
import { cookies } from "next/headers";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import * as cart from "./cart";
import { CART_COOKIE, cartCookieOptions, signCartId, verifyCartCookie } from "./cart-cookie";
import {
  CHECKOUT_FIELDS,
  parseCheckoutForm,
  type CheckoutFieldErrors,
  type CheckoutValues,
} from "./checkout-form";
import * as adminOrders from "./admin-orders";
import * as orders from "./orders";
import { isStubCheckoutEnabled } from "./pages";
import type { PaymentProvider } from "./provider";
import { formFields } from "./rules";
import { startCheckout } from "./start-checkout";
import { createStripeProvider } from "./stripe-provider";
import { deliverStubEvent, stubProvider } from "./stub-provider";
import { handleStripeWebhook } from "./webhook";

export type { CartLineView, CartView } from "./cart";
export type { OrderView, OrderItemView } from "./orders";
export type { CheckoutFieldErrors, CheckoutValues } from "./checkout-form";
export { COUNTRIES } from "./checkout-form";
export { ORDER_STATUS_LABELS, ORDER_STATUSES } from "./order-state";
export { parseAdminOrderQuery } from "./admin-orders";
export type { AdminOrderDetail, AdminOrderPage, AdminOrderQuery, AdminOrderRow } from "./admin-orders";
export { addressLines, WebhookSignatureError } from "./events";

/** The stub checkout exists only in demo mode without a Stripe key: no book is ever free in live mode. */
export function stubCheckoutEnabled(): boolean {
  return isStubCheckoutEnabled(getEnv());
}

let stripeProvider: PaymentProvider | undefined;

/** The stub in demo mode without a key; Stripe Checkout whenever STRIPE_SECRET_KEY is set. */
export function paymentProvider(): PaymentProvider {
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

async function currentCartId(): Promise<string | null> {
  return verifyCartCookie((await cookies()).get(CART_COOKIE)?.value, getEnv().SESSION_SECRET);
}

export async function getCurrentCart() {
  return cart.readCart(await getPrisma(), await currentCartId());
}

export async function currentCartCount(): Promise<number> {
  return cart.cartItemCount(await getPrisma(), await currentCartId());
}

export async function addToCurrentCart(form: FormData): Promise<cart.AddResult> {
  const existing = await currentCartId();
  const result = await cart.addToCart(
    await getPrisma(),
    existing,
    formFields(form, ["editionId", "quantity"]),
  );
  if (result.cartId !== existing) {
    const env = getEnv();
    (await cookies()).set(
      CART_COOKIE,
      signCartId(result.cartId, env.SESSION_SECRET),
      cartCookieOptions(env.STORE_MODE === "live"),
    );
  }
  return result;
}

export async function updateCurrentCartQuantity(form: FormData): Promise<void> {
  await cart.setQuantity(
    await getPrisma(),
    await currentCartId(),
    formFields(form, ["editionId", "quantity"]),
  );
}

export async function removeFromCurrentCart(form: FormData): Promise<void> {
  await cart.removeFromCart(await getPrisma(), await currentCartId(), formFields(form, ["editionId"]));
}

/**
 * Creates the pending order from live prices and returns where the shopper goes to pay; a
 * provider failure is a CartError with a fixed notice (the order expired, the cart untouched).
 */
export async function checkoutCurrentCart(): Promise<string> {
  const { url } = await startCheckout(await getPrisma(), await currentCartId(), paymentProvider());
  return url;
}

export async function getOrderByToken(token: string) {
  return orders.findOrderByToken(await getPrisma(), token);
}

export async function getOrdersForAdmin(query: adminOrders.AdminOrderQuery) {
  return adminOrders.listOrdersForAdmin(await getPrisma(), query);
}

export async function getOrderForAdmin(id: string) {
  return adminOrders.findOrderForAdmin(await getPrisma(), id);
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
  form: FormData,
): Promise<StubPayResult | null> {
  const order = await getStubSession(sessionId, token);
  if (!order) return null;
  const orderPath = `/orders/${token}`;
  if (order.status !== "pending") return { ok: true, redirectTo: orderPath };
  const values = formFields(form, CHECKOUT_FIELDS) as CheckoutValues;
  const parsed = parseCheckoutForm(values, order.needsShipping);
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

/** POST /api/webhooks/stripe: verify on the raw body, apply once. */
export async function receiveStripeWebhook(rawBody: string, signature: string | null) {
  const result = await handleStripeWebhook(
    await getPrisma(),
    rawBody,
    signature,
    getEnv().STRIPE_WEBHOOK_SECRET,
  );
  log.info("webhook", {
    eventId: result.eventId,
    type: result.type,
    outcome: result.outcome,
    replay: result.replay,
  });
  return result;
}

export async function orderTokenExists(token: string): Promise<boolean> {
  return orders.orderTokenExists(await getPrisma(), token);
}
