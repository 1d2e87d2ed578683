// The one payment-provider interface. The stub (demo mode, no Stripe key) stands in for Stripe's
// hosted checkout; Stripe Checkout Sessions implement the same interface (issue C2). Either way
// the order is fulfilled by the webhook, never by the page the shopper returns to.
import type { CartNotice } from "../cart/rules";
import type { OrderView } from "../orders/store";

export interface CheckoutSessionRequest {
  /** The pending order, with its price snapshot: the only amounts a provider may charge. */
  order: OrderView;
  /** The order page's token, for the success URL (`/orders/<token>`); never stored in clear. */
  accessToken: string;
}

export interface CheckoutSession {
  /** Stored as Order.providerSessionId. */
  sessionId: string;
  /** Where to send the shopper to pay. */
  url: string;
}

/** How a provider explains a failed createCheckoutSession: the cart's notice, and what to log. */
export interface ProviderFailure {
  notice: CartNotice;
  /** The provider's own classification of an expected refusal; null for anything else (a bug?). */
  details: Record<string, unknown> | null;
}

export interface PaymentProvider {
  readonly name: "stub" | "stripe";
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
  /** Without it, every failure is "payment-unavailable" and logged as an error. */
  describeFailure?(error: unknown): ProviderFailure;
}
