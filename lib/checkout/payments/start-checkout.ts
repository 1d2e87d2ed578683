// Starting a checkout over a database handle and a provider: the pending order from live prices,
// the provider's session stored on it, and, when the provider fails, the order expired and a
// fixed cart notice instead of an error page. The cart itself is never touched here.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { inSpan } from "@/lib/telemetry/spans.mjs";
import * as orders from "../orders/store";
import type { PaymentProvider } from "./provider";
import { CartError } from "../cart/rules";

export async function startCheckout(
  db: PrismaClient,
  cartId: string | null,
  provider: PaymentProvider,
  pricing: orders.PricingContext,
): Promise<{ order: orders.OrderView; url: string }> {
  const { order, accessToken } = await orders.createPendingOrder(db, cartId, provider.name, pricing);
  let session;
  try {
    session = await inSpan(
      "payment create_checkout_session",
      { "payment.provider": provider.name, "order.number": order.number },
      () => provider.createCheckoutSession({ order, accessToken }),
    );
  } catch (error) {
    await orders.expireUnstartedOrder(db, order.id);
    const { notice, details } = provider.describeFailure?.(error) ?? {
      notice: "payment-unavailable",
      details: null,
    };
    const fields = { orderNumber: order.number, provider: provider.name, notice };
    // A refusal the provider explains is an expected outcome; anything else may be a bug here.
    if (details) log.warn("checkout session not created", { ...fields, ...details });
    else log.error("checkout session not created", error, fields);
    throw new CartError(notice);
  }
  await orders.attachProviderSession(db, order.id, session.sessionId);
  log.info("checkout started", {
    orderNumber: order.number,
    provider: provider.name,
    totalMinor: order.totalMinor,
  });
  return { order: { ...order, providerSessionId: session.sessionId }, url: session.url };
}
