// The payment provider's webhook: verified on the raw body, applied once, in one transaction
// with the order change (docs/payments.md).
import "server-only";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { wakeMailWorker } from "@/lib/mail/worker";
import { handleStripeWebhook } from "./handle";

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
