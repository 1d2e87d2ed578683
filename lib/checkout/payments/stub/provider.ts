// The stub payment provider: a local page shaped like Stripe's hosted checkout whose "Pay" sends
// a signed Stripe-format event to the store's own webhook route. Demo mode only.
import { inSpan } from "@/lib/telemetry/spans.mjs";
import { buildCheckoutSessionEvent, randomId, signPayload, type ShippingAddress } from "../../webhook/events";
import type { OrderView } from "../../orders/store";
import type { CheckoutSession, CheckoutSessionRequest, PaymentProvider } from "../provider";

export function stubCheckoutPath(sessionId: string, accessToken: string): string {
  return `/checkout/stub/${sessionId}?token=${encodeURIComponent(accessToken)}`;
}

export const stubProvider: PaymentProvider = {
  name: "stub",
  createCheckoutSession({ accessToken }: CheckoutSessionRequest): Promise<CheckoutSession> {
    const sessionId = randomId("cs_stub_");
    return Promise.resolve({ sessionId, url: stubCheckoutPath(sessionId, accessToken) });
  },
};

export interface StubDelivery {
  siteUrl: string;
  webhookSecret: string;
}

/** Signs and POSTs a checkout.session event for the order to the webhook route, as Stripe would. */
export async function deliverStubEvent(
  order: OrderView,
  type: "checkout.session.completed" | "checkout.session.expired",
  details: { email: string | null; shipping: ShippingAddress | null },
  { siteUrl, webhookSecret }: StubDelivery,
): Promise<{ status: number; eventId: string }> {
  if (!order.providerSessionId) throw new Error(`Order ${order.id} has no checkout session.`);
  const event = buildCheckoutSessionEvent({
    type,
    sessionId: order.providerSessionId,
    orderId: order.id,
    amountTotal: order.totalMinor,
    currency: order.currency,
    email: details.email,
    shipping: details.shipping,
    paymentIntentId: type === "checkout.session.completed" ? randomId("pi_stub_") : null,
  });
  const payload = JSON.stringify(event);
  return inSpan(
    "payment stub_event",
    { "payment.provider": "stub", "payment.event_type": type },
    async () => {
      const response = await fetch(`${siteUrl}/api/webhooks/stripe`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Stripe-Signature": signPayload(payload, webhookSecret),
        },
        body: payload,
        signal: AbortSignal.timeout(20_000),
      });
      await response.body?.cancel();
      return { status: response.status, eventId: event.id };
    },
  );
}
