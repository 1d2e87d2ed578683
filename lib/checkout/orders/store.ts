// Orders over a database handle: created pending from the cart with price snapshots, read back by
// the hash of their access token. Payment moves them, in webhook.ts only.
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { formatName } from "@/lib/catalog/shared";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EditionFormat, OrderStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import type { ShippingAddress } from "./address";
import { cartCountry } from "../cart/store";
import { sealAccessToken } from "./link";
import { CartError, isDigital, quantityProblem } from "../cart/rules";
import { computeCharges, zoneFor, type ShippingZone } from "../cart/shipping";
import { computeTotals } from "../cart/totals";

export function newAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** "QB-20261127-7KX2QH": the date, then six random characters without look-alikes. */
export function newOrderNumber(now = new Date()): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, "");
  const suffix = [...randomBytes(6)].map((b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length]).join("");
  return `QB-${date}-${suffix}`;
}

/** A token is 32 random bytes in base64url: anything else is not worth a query. */
export function looksLikeAccessToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export interface OrderItemView {
  editionId: number;
  bookTitle: string;
  format: EditionFormat;
  formatName: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
}

export interface OrderView {
  id: string;
  number: string;
  status: OrderStatus;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxRateBasisPoints: number;
  /** The destination shipping and tax were computed for; null on orders from before they existed. */
  country: string | null;
  shippingZone: string | null;
  totalMinor: number;
  email: string | null;
  shippingAddress: ShippingAddress | null;
  shippedAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  provider: string;
  providerSessionId: string | null;
  needsShipping: boolean;
  createdAt: string;
  paidAt: string | null;
  items: OrderItemView[];
}

type OrderRow = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

function loadOrder(db: Db, where: { accessTokenHash: string } | { id: string }) {
  return db.order.findUnique({ where, include: { items: { orderBy: { id: "asc" } } } });
}

export function toOrderView(row: OrderRow): OrderView {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    shippingMinor: row.shippingMinor,
    taxMinor: row.taxMinor,
    taxRateBasisPoints: row.taxRateBasisPoints,
    country: row.country,
    shippingZone: row.shippingZone,
    totalMinor: row.totalMinor,
    email: row.email,
    shippingAddress: row.shippingAddress
      ? { region: null, ...(row.shippingAddress as Omit<ShippingAddress, "region">) }
      : null,
    shippedAt: row.shippedAt?.toISOString() ?? null,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    provider: row.provider,
    providerSessionId: row.providerSessionId,
    needsShipping: row.items.some((i) => !isDigital(i.format)),
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
    items: row.items.map((i) => ({
      editionId: i.editionId,
      bookTitle: i.bookTitle,
      format: i.format,
      formatName: formatName(i),
      unitPriceMinor: i.unitPriceMinor,
      quantity: i.quantity,
      lineTotalMinor: i.lineTotalMinor,
    })),
  };
}

export async function findOrderByToken(db: Db, token: string): Promise<OrderView | null> {
  if (!looksLikeAccessToken(token)) return null;
  const row = await loadOrder(db, { accessTokenHash: hashAccessToken(token) });
  return row ? toOrderView(row) : null;
}

export async function orderTokenExists(db: Db, token: string): Promise<boolean> {
  if (!looksLikeAccessToken(token)) return false;
  return (await db.order.count({ where: { accessTokenHash: hashAccessToken(token) } })) > 0;
}

export async function findOrderById(db: Db, id: string): Promise<OrderView | null> {
  const row = await loadOrder(db, { id });
  return row ? toOrderView(row) : null;
}

/**
 * A pending order from the cart, priced from the database now: the snapshot the shopper is
 * charged. Returns the access token once; only its hash is stored.
 */
export interface PricingContext {
  zones: ShippingZone[];
  /** SESSION_SECRET: seals the token so later emails can link to the order page. */
  secret: string;
}

export async function createPendingOrder(
  db: PrismaClient,
  cartId: string | null,
  provider: "stub" | "stripe",
  pricing: PricingContext,
): Promise<{ order: OrderView; accessToken: string }> {
  if (!cartId) throw new CartError("empty");
  const accessToken = newAccessToken();
  const id = await db.$transaction(async (tx) => {
    const cart = await tx.cart.findUnique({ where: { id: cartId }, select: { country: true } });
    if (!cart) throw new CartError("empty");
    const items = await tx.cartItem.findMany({
      where: { cartId },
      include: { edition: { include: { book: { select: { title: true, status: true } } } } },
      orderBy: { id: "asc" },
      take: 100,
    });
    if (items.length === 0) throw new CartError("empty");
    for (const item of items) {
      if (item.edition.book.status !== "published") throw new CartError("no-longer-available");
      const problem = quantityProblem(item.edition.format, item.quantity);
      if (problem) throw new CartError(problem, "quantity");
    }
    const totals = computeTotals(
      items.map((item) => ({
        item,
        editionId: item.editionId,
        quantity: item.quantity,
        unitPriceMinor: item.edition.priceMinor,
        currency: item.edition.currency,
        priceMinorWhenAdded: item.priceMinorWhenAdded,
        format: item.edition.format,
      })),
    );
    const country = cartCountry(pricing.zones, cart.country);
    const charges = computeCharges(
      totals.lines.map((l) => ({
        format: l.item.format,
        quantity: l.item.quantity,
        lineTotalMinor: l.lineTotalMinor,
      })),
      zoneFor(pricing.zones, country)!,
      country,
    );
    const order = await tx.order.create({
      data: {
        number: newOrderNumber(),
        accessTokenHash: hashAccessToken(accessToken),
        accessTokenSealed: sealAccessToken(accessToken, pricing.secret),
        status: "pending",
        cartId,
        currency: totals.currency,
        subtotalMinor: totals.subtotalMinor,
        shippingMinor: charges.shippingMinor,
        taxMinor: charges.taxMinor,
        taxRateBasisPoints: charges.taxRateBasisPoints,
        country: charges.country,
        shippingZone: charges.zone,
        totalMinor: totals.subtotalMinor + charges.shippingMinor + charges.taxMinor,
        provider,
        items: {
          create: totals.lines.map(({ item, lineTotalMinor }) => ({
            editionId: item.editionId,
            bookTitle: item.item.edition.book.title,
            format: item.format,
            formatLabel: item.item.edition.formatLabel,
            unitPriceMinor: item.unitPriceMinor,
            quantity: item.quantity,
            lineTotalMinor,
          })),
        },
      },
      select: { id: true },
    });
    return order.id;
  });
  const order = await findOrderById(db, id);
  if (!order) throw new AppError("not_found", "The order was not saved.");
  return { order, accessToken };
}

export async function attachProviderSession(db: Db, orderId: string, sessionId: string): Promise<void> {
  await db.order.update({ where: { id: orderId }, data: { providerSessionId: sessionId } });
}

/** A stub checkout session: the session id and the order's token must both match. */
export async function findStubSession(db: Db, sessionId: string, token: string): Promise<OrderView | null> {
  const order = await findOrderByToken(db, token);
  if (!order || order.provider !== "stub" || order.providerSessionId !== sessionId) return null;
  return order;
}

/** Stores what the shopper typed on the checkout page; only while the order is pending. */
export async function recordCheckoutDetails(
  db: Db,
  orderId: string,
  details: { email: string; shipping: ShippingAddress | null },
): Promise<boolean> {
  const updated = await db.order.updateMany({
    where: { id: orderId, status: "pending" },
    data: { email: details.email, shippingAddress: details.shipping ? { ...details.shipping } : undefined },
  });
  return updated.count === 1;
}

/**
 * A pending order whose checkout could not start (the provider refused or was unreachable):
 * expired at once, so it never lingers as payable. The cart is left as it was.
 */
export async function expireUnstartedOrder(db: Db, orderId: string): Promise<boolean> {
  const updated = await db.order.updateMany({
    where: { id: orderId, status: "pending" },
    data: { status: "expired", expiredAt: new Date() },
  });
  return updated.count === 1;
}
