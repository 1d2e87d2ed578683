// The checkout service as pages, server actions and route handlers use it: bound to the process
// database, the cart cookie and the environment. Pure rules live beside it (rules, totals,
// order-state, events), database work in cart.ts, orders.ts and webhook.ts.
import "server-only";
import { cookies } from "next/headers";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { downloadLogForOrder, grantsForOrder, startDownload, type GrantView } from "@/lib/ebooks/downloads";
import { checkDownloadLink, downloadPath } from "@/lib/ebooks/links";
import { log } from "@/lib/log";
import { wakeMailWorker } from "@/lib/mail/worker";
import * as cart from "./cart/store";
import { CART_COOKIE, cartCookieOptions, signCartId, verifyCartCookie } from "./cart/cookie";
import {
  CHECKOUT_FIELDS,
  parseCheckoutForm,
  type CheckoutFieldErrors,
  type CheckoutValues,
} from "./orders/checkout-form";
import * as adminOrders from "./orders/admin";
import { markShipped } from "./orders/fulfilment";
import * as orders from "./orders/store";
import { isStubCheckoutEnabled } from "./orders/pages";
import type { PaymentProvider } from "./payments/provider";
import { formFields } from "./cart/rules";
import { startCheckout } from "./payments/start-checkout";
import { createStripeProvider } from "./payments/stripe/provider";
import { deliverStubEvent, stubProvider } from "./payments/stub/provider";
import { handleStripeWebhook } from "./webhook/handle";

export type { CartLineView, CartView } from "./cart/store";
export type { OrderView, OrderItemView } from "./orders/store";
export type { CheckoutFieldErrors, CheckoutValues } from "./orders/checkout-form";
export {
  addressFields,
  formatAddressLines,
  type AddressFieldSpec,
  type ShippingAddress,
} from "./orders/address";
export { countryName, formatTaxRate } from "./cart/shipping";
export type { ShipmentErrors } from "./orders/fulfilment";
export type { GrantView } from "@/lib/ebooks/downloads";
export { ORDER_STATUS_LABELS, ORDER_STATUSES } from "./orders/state";
export { ORDER_VIEWS, parseAdminOrderQuery } from "./orders/admin";
export type { AdminOrderDetail, AdminOrderPage, AdminOrderQuery, AdminOrderRow } from "./orders/admin";
export { WebhookSignatureError } from "./webhook/events";

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
  return cart.readCart(await getPrisma(), await currentCartId(), getEnv().shippingZones);
}

/** The shopper's destination: shipping and tax in the cart follow it. */
export async function setCurrentCartCountry(form: FormData): Promise<void> {
  await cart.setCartCountry(
    await getPrisma(),
    await currentCartId(),
    formFields(form, ["country"]),
    getEnv().shippingZones,
  );
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
  const env = getEnv();
  const { url } = await startCheckout(await getPrisma(), await currentCartId(), paymentProvider(), {
    zones: env.shippingZones,
    secret: env.SESSION_SECRET,
  });
  return url;
}

export async function getOrderByToken(token: string) {
  return orders.findOrderByToken(await getPrisma(), token);
}

export interface OrderDownload extends GrantView {
  /** A fresh signed link (DOWNLOAD_LINK_DAYS), or null when the order may not download now. */
  path: string | null;
}

/** The order page's ebooks, each with a fresh signed link while the order is paid. */
export async function getOrderDownloads(order: orders.OrderView): Promise<OrderDownload[]> {
  const env = getEnv();
  const grants = await grantsForOrder(await getPrisma(), order.id, env.STORE_MODE === "demo");
  return grants.map((grant) => ({
    ...grant,
    path:
      order.status === "paid" && grant.available && grant.remaining > 0
        ? downloadPath(grant.id, env.SESSION_SECRET)
        : null,
  }));
}

/** GET /downloads/<grant>?expires&signature: the signature first, then the grant's rules. */
export async function downloadEbook(
  grantId: string,
  params: URLSearchParams,
  client: { ipHash: string | null; userAgent: string | null },
) {
  const env = getEnv();
  const check = checkDownloadLink(
    grantId,
    params.get("expires"),
    params.get("signature"),
    env.SESSION_SECRET,
  );
  if (check === "forged") return { ok: false as const, reason: "forged" as const };
  const result = await startDownload(await getPrisma(), grantId, {
    ...client,
    demo: env.STORE_MODE === "demo",
    expired: check === "expired",
  });
  log.info("download", { grantId, outcome: result.ok ? "served" : `refused: ${result.reason}` });
  return result;
}

export async function getOrdersForAdmin(query: adminOrders.AdminOrderQuery) {
  return adminOrders.listOrdersForAdmin(await getPrisma(), query);
}

export async function getOrderForAdmin(id: string) {
  const db = await getPrisma();
  const order = await adminOrders.findOrderForAdmin(db, id);
  if (!order) return null;
  const env = getEnv();
  return {
    ...order,
    downloads: await grantsForOrder(db, order.id, env.STORE_MODE === "demo"),
    downloadLog: await downloadLogForOrder(db, order.id),
  };
}

/** Staff mark the parcel shipped; the shopper's notice is queued and the worker woken. */
export async function shipOrder(orderId: string, form: FormData, actor: { id: number; ip: string | null }) {
  const env = getEnv();
  const result = await markShipped(
    await getPrisma(),
    orderId,
    formFields(form, ["carrier", "trackingNumber"]),
    {
      actorId: actor.id,
      ip: actor.ip,
      siteUrl: env.SITE_URL,
      secret: env.SESSION_SECRET,
    },
  );
  if (result.ok) wakeMailWorker();
  return result;
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

/** POST /api/webhooks/stripe: verify on the raw body, apply once. */
export async function receiveStripeWebhook(rawBody: string, signature: string | null) {
  const env = getEnv();
  const result = await handleStripeWebhook(await getPrisma(), rawBody, signature, env.STRIPE_WEBHOOK_SECRET, {
    siteUrl: env.SITE_URL,
    secret: env.SESSION_SECRET,
  });
  // A paid order has queued its receipt: send it now rather than at the next poll.
  if (result.outcome === "paid") wakeMailWorker();
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
