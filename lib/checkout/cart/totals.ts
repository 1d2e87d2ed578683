// Cart lines and totals from current prices. Pure: the service loads rows, this does the sums.
import type { EditionFormat } from "@/lib/generated/prisma/enums";

export interface PricedItem {
  editionId: number;
  quantity: number;
  /** The edition's price now, from the database. */
  unitPriceMinor: number;
  currency: string;
  priceMinorWhenAdded: number;
  format: EditionFormat;
}

export interface PricedLine<T extends PricedItem = PricedItem> {
  item: T;
  lineTotalMinor: number;
  /** The price moved since the shopper added the item: the cart says so. */
  priceChanged: boolean;
}

export interface CartTotals<T extends PricedItem = PricedItem> {
  lines: PricedLine<T>[];
  itemCount: number;
  subtotalMinor: number;
  currency: string;
}

export function computeTotals<T extends PricedItem>(items: T[], fallbackCurrency = "USD"): CartTotals<T> {
  const currencies = new Set(items.map((i) => i.currency));
  if (currencies.size > 1)
    throw new RangeError(`A cart holds one currency, got ${[...currencies].join(", ")}`);
  const lines = items.map((item) => {
    if (!Number.isSafeInteger(item.unitPriceMinor) || item.unitPriceMinor < 0)
      throw new RangeError(`Bad price for edition ${item.editionId}`);
    return {
      item,
      lineTotalMinor: item.unitPriceMinor * item.quantity,
      priceChanged: item.unitPriceMinor !== item.priceMinorWhenAdded,
    };
  });
  return {
    lines,
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    subtotalMinor: lines.reduce((sum, l) => sum + l.lineTotalMinor, 0),
    currency: items[0]?.currency ?? fallbackCurrency,
  };
}
