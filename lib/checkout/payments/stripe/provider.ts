// The Stripe payment provider: one Checkout Session per pending order, charging exactly the
// order's snapshot. Fulfilment stays in the webhook (webhook.ts), as for the stub.
import Stripe from "stripe";
import type { OrderView } from "../../orders/store";
import type { CheckoutSession, CheckoutSessionRequest, PaymentProvider, ProviderFailure } from "../provider";

/** Stripe accepts expires_at from 30 minutes to 24 hours after creation; the margin covers clock skew. */
export const CHECKOUT_SESSION_MINUTES = 32;

export interface StripeProviderConfig {
  secretKey: string;
  /** Only for tests and mocks: e.g. http://127.0.0.1:12111 (STRIPE_API_BASE). */
  apiBase?: string;
  /** Absolute base of the store's own URLs (SITE_URL, no trailing slash). */
  siteUrl: string;
}

/** The SDK's connection options: the real API, or the host/port/protocol of STRIPE_API_BASE. */
export function stripeClientOptions(apiBase?: string): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = {
    apiVersion: Stripe.API_VERSION,
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "bookstore" },
  };
  if (!apiBase) return options;
  const url = new URL(apiBase);
  const protocol = url.protocol.replace(":", "");
  if (protocol !== "http" && protocol !== "https")
    throw new Error("STRIPE_API_BASE must be an http(s) URL, e.g. http://127.0.0.1:12111.");
  return {
    ...options,
    host: url.hostname,
    port: url.port || (protocol === "https" ? 443 : 80),
    protocol,
  };
}

export function idempotencyKey(orderId: string): string {
  return `checkout:${orderId}`;
}

/** The order's tax as a Stripe Tax Rate: exclusive, the zone's percentage, for the destination country. */
export function taxRateParams(order: OrderView): Stripe.TaxRateCreateParams {
  return {
    display_name: "Tax",
    percentage: order.taxRateBasisPoints / 100,
    inclusive: false,
    ...(order.country ? { country: order.country } : {}),
    ...(order.shippingZone ? { jurisdiction: order.shippingZone } : {}),
    metadata: { zone: order.shippingZone ?? "", basisPoints: String(order.taxRateBasisPoints) },
  };
}

/**
 * The Checkout Session for a pending order: its lines at their snapshot prices, the zone's
 * shipping as the one shipping option and its tax rate on every line (Stripe computes each line's
 * tax rounded half up, as lib/checkout/cart/shipping.ts does), so Stripe's total is the order's.
 */
export function checkoutSessionParams(
  order: OrderView,
  accessToken: string,
  siteUrl: string,
  now = new Date(),
  taxRateId: string | null = null,
): Stripe.Checkout.SessionCreateParams {
  const currency = order.currency.toLowerCase();
  return {
    mode: "payment",
    line_items: order.items.map((item) => ({
      quantity: item.quantity,
      price_data: {
        currency,
        unit_amount: item.unitPriceMinor,
        product_data: { name: `${item.bookTitle} (${item.formatName})` },
      },
      ...(taxRateId ? { tax_rates: [taxRateId] } : {}),
    })),
    client_reference_id: order.id,
    metadata: { orderId: order.id, orderNumber: order.number },
    // Charges (and so charge.refunded events) carry the order id too.
    payment_intent_data: { metadata: { orderId: order.id, orderNumber: order.number } },
    success_url: `${siteUrl}/orders/${accessToken}`,
    cancel_url: `${siteUrl}/cart?notice=cancelled`,
    ...(order.needsShipping
      ? {
          // Only the destination the shipping and tax were priced for (chosen in the cart).
          shipping_address_collection: {
            allowed_countries: order.country ? [order.country] : [],
          },
          shipping_options: [
            {
              shipping_rate_data: {
                type: "fixed_amount",
                display_name: `Shipping (${order.shippingZone ?? "standard"})`,
                fixed_amount: { amount: order.shippingMinor, currency },
              },
            },
          ],
        }
      : {}),
    ...(order.email ? { customer_email: order.email } : {}),
    expires_at: Math.floor(now.getTime() / 1000) + CHECKOUT_SESSION_MINUTES * 60,
  };
}

/** A failed session request as the cart's notice, with Stripe's classification (never the key). */
export function describeStripeFailure(error: unknown): ProviderFailure {
  if (!(error instanceof Stripe.errors.StripeError)) return { notice: "payment-unavailable", details: null };
  return {
    notice: error instanceof Stripe.errors.StripeCardError ? "payment-declined" : "payment-unavailable",
    details: {
      message: error.message,
      stripeType: error.type,
      stripeCode: error.code,
      stripeStatus: error.statusCode,
      stripeRequestId: error.requestId,
      stripeParam: error.param,
    },
  };
}

export function createStripeProvider(config: StripeProviderConfig): PaymentProvider {
  const stripe = new Stripe(config.secretKey, stripeClientOptions(config.apiBase));
  // One Tax Rate per zone and percentage, made on first use (Stripe keeps them; the idempotency
  // key makes a concurrent first use on another instance answer with the same one for a day).
  const taxRates = new Map<string, Promise<string>>();
  const taxRateId = (order: OrderView): Promise<string> | null => {
    if (order.taxRateBasisPoints === 0) return null;
    const key = `tax-rate:${order.country ?? ""}:${order.shippingZone ?? ""}:${order.taxRateBasisPoints}`;
    let id = taxRates.get(key);
    if (!id) {
      id = stripe.taxRates.create(taxRateParams(order), { idempotencyKey: key }).then((rate) => rate.id);
      id.catch(() => taxRates.delete(key));
      taxRates.set(key, id);
    }
    return id;
  };
  return {
    name: "stripe",
    async createCheckoutSession({ order, accessToken }: CheckoutSessionRequest): Promise<CheckoutSession> {
      const session = await stripe.checkout.sessions.create(
        checkoutSessionParams(order, accessToken, config.siteUrl, new Date(), await taxRateId(order)),
        { idempotencyKey: idempotencyKey(order.id) },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
      return { sessionId: session.id, url: session.url };
    },
    describeFailure: describeStripeFailure,
  };
}
