// Applies a verified provider event to its order, exactly once. Everything happens in one
// transaction: the event id is recorded (its primary key turns a replay or a concurrent duplicate
// into a unique violation that rolls the whole delivery back), the order moves by a conditional
// update, the ebooks' download grants are made and the receipt (with their links) is queued. Takes
// the root client; only the `tx` handle is used inside.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { isUniqueViolation } from "@/lib/errors";
import { createGrants } from "@/lib/ebooks/downloads";
import { downloadPath } from "@/lib/ebooks/links";
import { formatAddressLines, type ShippingAddress } from "../orders/address";
import { readOrderEvent, verifyEvent, type OrderEvent } from "./events";
import { openAccessToken, orderUrl } from "../orders/link";
import { transition, TRANSITIONS } from "../orders/state";
import { receiptEmail } from "../orders/receipt";

/** What the receipt's links are made with: the site's origin and SESSION_SECRET. */
export interface LinkContext {
  siteUrl: string;
  secret: string;
}

export interface WebhookResult {
  eventId: string;
  type: string;
  orderId: string | null;
  outcome: string;
  /** The event id had been processed before: nothing changed. */
  replay: boolean;
}

async function findOrder(tx: Db, event: OrderEvent) {
  if (event.orderId) {
    const byId = await tx.order.findUnique({ where: { id: event.orderId } });
    if (byId) return byId;
  }
  if (event.sessionId) {
    const bySession = await tx.order.findUnique({ where: { providerSessionId: event.sessionId } });
    if (bySession) return bySession;
  }
  if (event.kind === "refunded" && event.paymentIntentId) {
    return tx.order.findUnique({ where: { providerPaymentId: event.paymentIntentId } });
  }
  return null;
}

async function applyEvent(
  tx: Db,
  event: OrderEvent,
  links: LinkContext,
): Promise<{ orderId: string | null; outcome: string }> {
  if (!event.kind) {
    const processing = event.type === "checkout.session.completed";
    return {
      orderId: null,
      outcome: processing ? "ignored: payment not complete" : "ignored: unhandled event type",
    };
  }
  const order = await findOrder(tx, event);
  if (!order) return { orderId: null, outcome: "ignored: unknown order" };
  const ignored = (outcome: string) => ({ orderId: order.id, outcome });

  if (event.kind === "paid") {
    // The charge was created from the order's snapshot; a different amount means something is wrong.
    if (event.amountTotal !== order.totalMinor || (event.currency && event.currency !== order.currency))
      return ignored("ignored: amount mismatch");
  }
  if (event.kind === "refunded" && !event.fullyRefunded) return ignored("ignored: partial refund");

  const { from, to } = TRANSITIONS[event.kind];
  const now = new Date();
  const changed = await tx.order.updateMany({
    where: { id: order.id, status: from },
    data:
      event.kind === "paid"
        ? {
            status: to,
            paidAt: now,
            providerPaymentId: event.paymentIntentId ?? undefined,
            email: order.email ?? event.email ?? undefined,
            shippingAddress: order.shippingAddress ?? (event.shipping ? { ...event.shipping } : undefined),
          }
        : event.kind === "expired"
          ? { status: to, expiredAt: now }
          : { status: to, refundedAt: now },
  });
  if (changed.count === 0) {
    const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
    return ignored(transition(current.status, event.kind).outcome);
  }

  if (event.kind === "paid") {
    const paid = await tx.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: { orderBy: { id: "asc" } } },
    });
    await createGrants(tx, paid.id, paid.items);
    const grants = await tx.downloadGrant.findMany({
      where: { orderId: paid.id },
      orderBy: { createdAt: "asc" },
    });
    const token = openAccessToken(paid.accessTokenSealed, links.secret);
    const address = paid.shippingAddress as ShippingAddress | null;
    const email = receiptEmail(paid, {
      orderUrl: token ? orderUrl(links.siteUrl, token) : null,
      downloads: grants.map((grant) => ({
        bookTitle: grant.bookTitle,
        url: `${links.siteUrl}${downloadPath(grant.id, links.secret)}`,
      })),
      addressLines: address ? await formatAddressLines({ ...address, region: address.region ?? null }) : null,
    });
    if (email) await tx.emailOutbox.create({ data: { ...email, orderId: paid.id } });
    if (paid.cartId) {
      await tx.cartItem.deleteMany({
        where: { cartId: paid.cartId, editionId: { in: paid.items.map((i) => i.editionId) } },
      });
    }
  }
  return { orderId: order.id, outcome: TRANSITIONS[event.kind].to };
}

/**
 * Verifies and applies one delivery. Throws AppError "invalid_signature" (a 400, nothing stored) when the
 * signature does not match the raw body.
 */
export async function handleStripeWebhook(
  db: PrismaClient,
  rawBody: string,
  signature: string | null,
  secret: string,
  links: LinkContext,
): Promise<WebhookResult> {
  const verified = verifyEvent(rawBody, signature, secret);
  const event = readOrderEvent(verified);
  try {
    const result = await db.$transaction(
      async (tx) => {
        const applied = await applyEvent(tx, event, links);
        await tx.processedWebhookEvent.create({
          data: { id: event.id, type: event.type, orderId: applied.orderId, outcome: applied.outcome },
        });
        return applied;
      },
      // Under a burst of duplicates every delivery but one waits for a connection or a row lock.
      { maxWait: 20_000, timeout: 20_000 },
    );
    return { eventId: event.id, type: event.type, ...result, replay: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const earlier = await db.processedWebhookEvent.findUnique({ where: { id: event.id } });
    if (!earlier) throw error;
    return {
      eventId: event.id,
      type: event.type,
      orderId: earlier.orderId,
      outcome: earlier.outcome,
      replay: true,
    };
  }
}
