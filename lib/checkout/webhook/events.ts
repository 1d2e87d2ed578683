// Stripe-format events: the stub checkout builds and signs them, the webhook verifies and reads
// them. Pure (the secret is passed in); the `stripe` SDK does the signing and verification so the
// stub and real Stripe deliveries go through exactly the same check.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import type { ShippingAddress } from "../orders/address";
import type { OrderEventKind } from "../orders/state";

export type { ShippingAddress };

let webhookClient: Stripe | undefined;

/** A Stripe client used only for webhook signatures (no API calls): any key will do. */
export function stripeForWebhooks(secretKey?: string): Stripe {
  if (secretKey) return new Stripe(secretKey);
  webhookClient ??= new Stripe("sk_test_unused");
  return webhookClient;
}

export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(18).toString("base64url").replace(/[-_]/g, "0")}`;
}

export interface CheckoutSessionEventInput {
  type: "checkout.session.completed" | "checkout.session.expired";
  sessionId: string;
  orderId: string;
  /** Before shipping and tax; defaults to amountTotal. */
  amountSubtotal?: number;
  amountTotal: number;
  currency: string;
  email: string | null;
  shipping: ShippingAddress | null;
  paymentIntentId: string | null;
  created?: number;
}

/** A `checkout.session.*` event shaped like Stripe's (the fields this store and most integrations read). */
export function buildCheckoutSessionEvent(input: CheckoutSessionEventInput) {
  const created = input.created ?? Math.floor(Date.now() / 1000);
  const completed = input.type === "checkout.session.completed";
  return {
    id: randomId("evt_stub_"),
    object: "event" as const,
    api_version: "2025-10-29.clover",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: input.type,
    data: {
      object: {
        id: input.sessionId,
        object: "checkout.session" as const,
        mode: "payment" as const,
        client_reference_id: input.orderId,
        metadata: { orderId: input.orderId },
        amount_subtotal: input.amountSubtotal ?? input.amountTotal,
        amount_total: input.amountTotal,
        currency: input.currency.toLowerCase(),
        customer_details: input.email ? { email: input.email } : null,
        shipping_details: input.shipping
          ? {
              name: input.shipping.name,
              address: {
                line1: input.shipping.line1,
                line2: input.shipping.line2,
                city: input.shipping.city,
                postal_code: input.shipping.postalCode,
                country: input.shipping.country,
                state: input.shipping.region,
              },
            }
          : null,
        payment_intent: completed ? input.paymentIntentId : null,
        payment_status: completed ? ("paid" as const) : ("unpaid" as const),
        status: completed ? ("complete" as const) : ("expired" as const),
        created,
      },
    },
  };
}

/** The Stripe-Signature header for a payload, as Stripe computes it. */
export function signPayload(payload: string, secret: string, timestamp?: number): string {
  return stripeForWebhooks().webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/**
 * How far a signature's timestamp may lie in the future. The SDK refuses only timestamps older
 * than its tolerance (5 minutes); a future one would stretch a captured delivery's replay window
 * by however far ahead it was signed.
 */
export const WEBHOOK_CLOCK_SKEW_SECONDS = 60;

/** Verifies a delivery on its raw body and parses it; AppError "invalid_signature" when it is not Stripe's (or the stub's). */
export function verifyEvent(
  rawBody: string,
  signature: string | null,
  secret: string,
  now: Date = new Date(),
): Stripe.Event {
  if (!signature) throw new AppError("invalid_signature", "The Stripe-Signature header is missing.");
  const nowSeconds = Math.floor(now.getTime() / 1000);
  let event: Stripe.Event;
  try {
    event = stripeForWebhooks().webhooks.constructEvent(
      rawBody,
      signature,
      secret,
      undefined,
      undefined,
      now.getTime(),
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError)
      throw new AppError("invalid_signature", "The signature does not match the payload.");
    throw new AppError("invalid_signature", "The payload is not a signed Stripe event.");
  }
  // The timestamp the SDK has just checked was signed, read as it reads it: the last `t=` wins, so
  // a `t=<now>` put in front of a future one cannot hide it.
  const signedAt = signature
    .split(",")
    .map((item) => item.split("="))
    .filter(([key]) => key === "t")
    .map(([, value]) => parseInt(value ?? "", 10))
    .at(-1);
  if (
    signedAt === undefined ||
    !Number.isFinite(signedAt) ||
    signedAt > nowSeconds + WEBHOOK_CLOCK_SKEW_SECONDS
  )
    throw new AppError("invalid_signature", "The signature's timestamp is in the future.");
  return event;
}

/** What the store reads from an event; `kind` null for event types it does not act on. */
export interface OrderEvent {
  id: string;
  type: string;
  kind: OrderEventKind | null;
  orderId: string | null;
  sessionId: string | null;
  paymentIntentId: string | null;
  amountTotal: number | null;
  currency: string | null;
  email: string | null;
  shipping: ShippingAddress | null;
  /** charge.refunded: whether the whole amount was refunded. */
  fullyRefunded: boolean;
}

type Loose = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const obj = (value: unknown): Loose => (value && typeof value === "object" ? (value as Loose) : {});

function shippingFrom(session: Loose): ShippingAddress | null {
  // Stripe moved shipping_details under collected_information in newer API versions.
  const details = obj(session.shipping_details ?? obj(session.collected_information).shipping_details);
  const address = obj(details.address);
  const line1 = str(address.line1);
  if (!line1) return null;
  return {
    name: str(details.name) ?? "",
    line1,
    line2: str(address.line2),
    city: str(address.city) ?? "",
    region: str(address.state),
    postalCode: str(address.postal_code) ?? "",
    country: str(address.country) ?? "",
  };
}

export function readOrderEvent(event: { id: string; type: string; data: { object: unknown } }): OrderEvent {
  const object = obj(event.data.object);
  const metadata = obj(object.metadata);
  const base: OrderEvent = {
    id: event.id,
    type: event.type,
    kind: null,
    orderId: str(metadata.orderId),
    sessionId: null,
    paymentIntentId: null,
    amountTotal: null,
    currency: null,
    email: null,
    shipping: null,
    fullyRefunded: false,
  };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.expired": {
      const paid = object.payment_status === "paid" || object.payment_status === "no_payment_required";
      const expired = event.type === "checkout.session.expired";
      return {
        ...base,
        // A completed session whose payment is still processing is paid by async_payment_succeeded.
        kind: expired ? "expired" : paid ? "paid" : null,
        orderId: base.orderId ?? str(object.client_reference_id),
        sessionId: str(object.id),
        paymentIntentId: str(object.payment_intent),
        amountTotal: typeof object.amount_total === "number" ? object.amount_total : null,
        currency: str(object.currency)?.toUpperCase() ?? null,
        email: str(obj(object.customer_details).email),
        shipping: shippingFrom(object),
      };
    }
    case "charge.refunded":
      return {
        ...base,
        kind: "refunded",
        paymentIntentId: str(object.payment_intent),
        fullyRefunded: object.refunded === true,
      };
    default:
      return base;
  }
}
