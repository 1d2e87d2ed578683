// POST /api/webhooks/stripe - Stripe (or the stub checkout) reports a payment event; verified on
// the raw body, applied once
import { receiveStripeWebhook, WebhookSignatureError } from "@/lib/checkout";
import { log } from "@/lib/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function problem(status: number, title: string, detail: string) {
  return Response.json(
    { type: "about:blank", title, status, detail },
    { status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
  );
}

export async function POST(request: Request) {
  const raw = await request.text();
  try {
    const result = await receiveStripeWebhook(raw, request.headers.get("stripe-signature"));
    return Response.json({ received: true, outcome: result.outcome, replay: result.replay });
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      log.warn("webhook rejected", { reason: error.message });
      return problem(400, "Invalid webhook signature", error.message);
    }
    log.error("webhook failed", error, { requestId: request.headers.get("x-request-id") });
    // A 500 makes Stripe deliver the event again later; nothing was recorded.
    return problem(500, "Webhook processing failed", "The event was not applied; it can be delivered again.");
  }
}
