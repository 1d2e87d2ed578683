// The cart service over a database handle: lines priced from the editions' current prices.
import { formatName } from "@/lib/catalog/shared";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { EditionFormat } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import {
  CartError,
  isDigital,
  maxQuantityFor,
  parseCartLine,
  parseRemoveLine,
  quantityProblem,
} from "./rules";
import { computeCharges, countryName, shippingCountries, zoneFor, type ShippingZone } from "./shipping";
import { computeTotals } from "./totals";

export interface CartLineView {
  editionId: number;
  bookSlug: string;
  bookTitle: string;
  bookSubtitle: string | null;
  languages: string[];
  categorySlugs: string[];
  byline: string | null;
  format: EditionFormat;
  formatName: string;
  quantity: number;
  maxQuantity: number;
  unitPriceMinor: number;
  priceMinorWhenAdded: number;
  currency: string;
  lineTotalMinor: number;
  priceChanged: boolean;
  /** The book is no longer published: the line cannot be checked out. */
  available: boolean;
}

export interface CartView {
  id: string | null;
  lines: CartLineView[];
  itemCount: number;
  subtotalMinor: number;
  currency: string;
  /** Where the shopper ships to (or pays tax in, for ebooks): the cart's choice or the first zone's. */
  country: string;
  countryName: string;
  /** The countries the store ships to, as [code, name]. */
  countries: [string, string][];
  needsShipping: boolean;
  shippingZone: string;
  shippingMinor: number;
  taxMinor: number;
  taxRateBasisPoints: number;
  totalMinor: number;
}

/** The destination a cart is priced for: its own choice while the store still ships there, else the first. */
export function cartCountry(zones: ShippingZone[], chosen: string | null | undefined): string {
  return chosen && zoneFor(zones, chosen) ? chosen : zones[0]!.countries[0]!;
}

function emptyCart(zones: ShippingZone[]): CartView {
  const country = cartCountry(zones, null);
  return {
    id: null,
    lines: [],
    itemCount: 0,
    subtotalMinor: 0,
    currency: "USD",
    country,
    countryName: countryName(country),
    countries: shippingCountries(zones).map((code) => [code, countryName(code)]),
    needsShipping: false,
    shippingZone: zoneFor(zones, country)!.name,
    shippingMinor: 0,
    taxMinor: 0,
    taxRateBasisPoints: 0,
    totalMinor: 0,
  };
}

const lineInclude = {
  edition: {
    include: {
      book: {
        include: {
          contributors: { include: { contributor: true }, orderBy: { position: "asc" as const } },
          categories: { include: { category: true }, orderBy: { position: "asc" as const } },
        },
      },
    },
  },
};

export async function readCart(db: Db, cartId: string | null, zones: ShippingZone[]): Promise<CartView> {
  const empty = emptyCart(zones);
  if (!cartId) return empty;
  const cart = await db.cart.findUnique({ where: { id: cartId }, select: { country: true } });
  if (!cart) return empty;
  const items = await db.cartItem.findMany({
    where: { cartId },
    include: lineInclude,
    orderBy: { id: "asc" },
    take: 100,
  });
  const priced = items.map((row) => ({
    row,
    editionId: row.editionId,
    quantity: row.quantity,
    unitPriceMinor: row.edition.priceMinor,
    currency: row.edition.currency,
    priceMinorWhenAdded: row.priceMinorWhenAdded,
    format: row.edition.format,
    available: row.edition.book.status === "published",
  }));
  const totals = computeTotals(priced.filter((p) => p.available));
  const lineTotals = new Map(totals.lines.map((l) => [l.item.editionId, l]));
  const country = cartCountry(zones, cart.country);
  const zone = zoneFor(zones, country)!;
  const charges = computeCharges(
    totals.lines.map((l) => ({
      format: l.item.format,
      quantity: l.item.quantity,
      lineTotalMinor: l.lineTotalMinor,
    })),
    zone,
    country,
  );
  return {
    ...empty,
    id: cartId,
    itemCount: totals.itemCount,
    subtotalMinor: totals.subtotalMinor,
    currency: totals.currency,
    country,
    countryName: countryName(country),
    needsShipping: totals.lines.some((l) => !isDigital(l.item.format)),
    shippingZone: zone.name,
    shippingMinor: charges.shippingMinor,
    taxMinor: charges.taxMinor,
    taxRateBasisPoints: charges.taxRateBasisPoints,
    totalMinor: totals.subtotalMinor + charges.shippingMinor + charges.taxMinor,
    lines: priced.map(({ row, available }) => ({
      editionId: row.editionId,
      bookSlug: row.edition.book.slug,
      bookTitle: row.edition.book.title,
      bookSubtitle: row.edition.book.subtitle,
      languages: row.edition.book.languages,
      categorySlugs: row.edition.book.categories.map((c) => c.category.slug),
      byline: row.edition.book.contributors[0]?.contributor.name ?? null,
      format: row.edition.format,
      formatName: formatName(row.edition),
      quantity: row.quantity,
      maxQuantity: maxQuantityFor(row.edition.format),
      unitPriceMinor: row.edition.priceMinor,
      priceMinorWhenAdded: row.priceMinorWhenAdded,
      currency: row.edition.currency,
      lineTotalMinor: lineTotals.get(row.editionId)?.lineTotalMinor ?? 0,
      priceChanged: lineTotals.get(row.editionId)?.priceChanged ?? false,
      available,
    })),
  };
}

export async function cartItemCount(db: Db, cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const sum = await db.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

export type AddResult = { cartId: string; notice: "added" | "already-in-cart" };

/**
 * Adds an edition to the cart (creating the cart when there is none). Only edition ids and
 * quantities are read from the input; the price comes from the database.
 */
export async function addToCart(
  db: PrismaClient,
  cartId: string | null,
  input: Record<string, string | undefined>,
): Promise<AddResult> {
  const { editionId, quantity } = parseCartLine(input);
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findFirst({
      where: { id: editionId, availability: { in: ["in_stock", "preorder"] }, book: { status: "published" } },
      select: { id: true, format: true, priceMinor: true },
    });
    if (!edition) throw new CartError("unavailable", "editionId");
    const problem = quantityProblem(edition.format, quantity);
    if (problem) throw new CartError(problem, "quantity");

    const cart =
      (cartId && (await tx.cart.findUnique({ where: { id: cartId } }))) ||
      (await tx.cart.create({ data: {} }));
    const existing = await tx.cartItem.findUnique({
      where: { cartId_editionId: { cartId: cart.id, editionId } },
    });
    if (existing && maxQuantityFor(edition.format) === 1)
      return { cartId: cart.id, notice: "already-in-cart" };
    const total = (existing?.quantity ?? 0) + quantity;
    const totalProblem = quantityProblem(edition.format, total);
    if (totalProblem) throw new CartError(totalProblem, "quantity");
    await tx.cartItem.upsert({
      where: { cartId_editionId: { cartId: cart.id, editionId } },
      create: { cartId: cart.id, editionId, quantity, priceMinorWhenAdded: edition.priceMinor },
      // Adding again from the product page means the shopper has seen today's price.
      update: { quantity: total, priceMinorWhenAdded: edition.priceMinor },
    });
    await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
    return { cartId: cart.id, notice: "added" };
  });
}

export async function setQuantity(
  db: Db,
  cartId: string | null,
  input: Record<string, string | undefined>,
): Promise<void> {
  // Adding may leave the quantity out (an ebook's form has none); changing it may not.
  if (!input.quantity?.trim()) throw new CartError("quantity-invalid", "quantity");
  const { editionId, quantity } = parseCartLine(input);
  const line = cartId
    ? await db.cartItem.findUnique({
        where: { cartId_editionId: { cartId, editionId } },
        include: { edition: { select: { format: true } } },
      })
    : null;
  if (!line || !cartId) throw new CartError("not-in-cart", "editionId");
  const problem = quantityProblem(line.edition.format, quantity);
  if (problem) throw new CartError(problem, "quantity");
  await db.cartItem.update({ where: { id: line.id }, data: { quantity } });
}

export async function removeFromCart(
  db: Db,
  cartId: string | null,
  input: Record<string, string | undefined>,
): Promise<void> {
  const editionId = parseRemoveLine(input);
  if (!cartId) return;
  await db.cartItem.deleteMany({ where: { cartId, editionId } });
}

/** The shopper picks where the order goes: shipping and tax follow. Only countries of a zone. */
export async function setCartCountry(
  db: Db,
  cartId: string | null,
  input: Record<string, string | undefined>,
  zones: ShippingZone[],
): Promise<void> {
  const country = (input.country ?? "").trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country) || !zoneFor(zones, country))
    throw new CartError("country-unknown", "country");
  if (!cartId) throw new CartError("empty");
  const updated = await db.cart.updateMany({ where: { id: cartId }, data: { country } });
  if (updated.count === 0) throw new CartError("empty");
}
