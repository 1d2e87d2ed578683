// Print fulfilment: staff mark a paid order's parcel shipped with the carrier and tracking number;
// the order records it and the shipping notice is queued in the same transaction (once: the
// update only applies to a paid order not yet shipped, and the outbox is unique per subject).
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { fieldErrorsFrom } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatAddressLines, type ShippingAddress } from "./address";
import { openAccessToken, orderUrl } from "./link";
import { shippedEmail } from "./receipt";
import { isDigital } from "../cart/rules";

export const shipmentSchema = z.object({
  carrier: z.string().trim().min(1, "Enter the carrier.").max(60, "The carrier is at most 60 characters."),
  trackingNumber: z
    .string()
    .trim()
    .min(1, "Enter the tracking number.")
    .max(60, "The tracking number is at most 60 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "A tracking number has letters, digits, spaces and hyphens only."),
});

export type ShipmentErrors = Partial<Record<"carrier" | "trackingNumber" | "form", string>>;

export type ShipResult = { ok: true } | { ok: false; errors: ShipmentErrors };

export async function markShipped(
  db: PrismaClient,
  orderId: string,
  input: { carrier?: string; trackingNumber?: string },
  context: { actorId: number; ip: string | null; siteUrl: string; secret: string },
): Promise<ShipResult> {
  const parsed = shipmentSchema.safeParse({
    carrier: input.carrier ?? "",
    trackingNumber: input.trackingNumber ?? "",
  });
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error);
    return {
      ok: false,
      errors: { carrier: fields.carrier?.[0], trackingNumber: fields.trackingNumber?.[0] },
    };
  }
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      include: { items: { orderBy: { id: "asc" } } },
    });
    if (!order) return { ok: false, errors: { form: "No such order." } };
    if (!order.items.some((item) => !isDigital(item.format)))
      return { ok: false, errors: { form: "This order has nothing to ship." } };
    const shippedAt = new Date();
    const updated = await tx.order.updateMany({
      where: { id: orderId, status: "paid", shippedAt: null },
      data: { shippedAt, ...parsed.data },
    });
    if (updated.count === 0)
      return {
        ok: false,
        errors: {
          form: order.shippedAt
            ? "This order is already marked shipped."
            : "Only a paid order can be shipped.",
        },
      };
    const token = openAccessToken(order.accessTokenSealed, context.secret);
    const address = order.shippingAddress as ShippingAddress | null;
    const email = shippedEmail(
      {
        number: order.number,
        email: order.email,
        ...parsed.data,
        items: order.items.map((item) => ({ ...item, shipped: !isDigital(item.format) })),
      },
      {
        orderUrl: token ? orderUrl(context.siteUrl, token) : null,
        addressLines: address
          ? await formatAddressLines({ ...address, region: address.region ?? null })
          : null,
      },
    );
    if (email)
      await tx.emailOutbox.createMany({ data: [{ ...email, orderId: order.id }], skipDuplicates: true });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "order.shipped",
      targetType: "order",
      targetId: order.id,
      details: { number: order.number, ...parsed.data },
      ip: context.ip,
    });
    return { ok: true };
  });
}
