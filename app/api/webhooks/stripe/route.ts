// POST /api/webhooks/stripe - Stripe (or the stub checkout) reports a payment event; verified on
// the raw body, applied once
import { readBoundedText } from "@/lib/api/body";
import { ApiProblem } from "@/lib/api/handler";
import { problem } from "@/lib/api/problem";
import { receiveStripeWebhook } from "@/lib/checkout/webhook/service";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { countWebhookEvent } from "@/lib/metrics/registry.mjs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe's checkout and charge events are a few KB; this leaves room for large line lists. */
const MAX_EVENT_BYTES = 256 * 1024;

export async function POST(request: Request) {
  let raw: string;
  try {
    raw = await readBoundedText(request, { maxBytes: MAX_EVENT_BYTES });
  } catch (error) {
    if (error instanceof ApiProblem) return problem(error.type, error.options);
    throw error;
  }
  try {
    const result = await receiveStripeWebhook(raw, request.headers.get("stripe-signature"));
    countWebhookEvent(result.replay ? "replay" : result.outcome);
    return Response.json({ received: true, outcome: result.outcome, replay: result.replay });
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_signature") {
      countWebhookEvent("refused");
      log.warn("webhook rejected", { reason: error.message });
      return problem("validation", { detail: `Invalid webhook signature: ${error.message}` });
    }
    const requestId = request.headers.get("x-request-id");
    log.error("webhook failed", error, { requestId });
    countWebhookEvent("failed");
    // A 500 makes Stripe deliver the event again later; nothing was recorded.
    return problem("internal", {
      detail: "The event was not applied; it can be delivered again.",
      requestId,
    });
  }
}
