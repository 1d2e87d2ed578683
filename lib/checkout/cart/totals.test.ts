import { describe, expect, it } from "vitest";
import { computeTotals, type PricedItem } from "./totals";

const item = (over: Partial<PricedItem>): PricedItem => ({
  editionId: 1,
  quantity: 1,
  unitPriceMinor: 3999,
  currency: "USD",
  priceMinorWhenAdded: 3999,
  format: "ebook",
  ...over,
});

describe("cart totals", () => {
  it("sums line totals from current prices", () => {
    const totals = computeTotals([
      item({}),
      item({ editionId: 2, format: "paperback", unitPriceMinor: 999, priceMinorWhenAdded: 999, quantity: 3 }),
    ]);
    expect(totals.lines.map((l) => l.lineTotalMinor)).toEqual([3999, 2997]);
    expect(totals.subtotalMinor).toBe(6996);
    expect(totals.itemCount).toBe(4);
    expect(totals.currency).toBe("USD");
  });

  it("flags a line whose price changed since it was added and charges the current price", () => {
    const totals = computeTotals([item({ unitPriceMinor: 2599, priceMinorWhenAdded: 3999 })]);
    expect(totals.lines[0]).toMatchObject({ priceChanged: true, lineTotalMinor: 2599 });
    expect(totals.subtotalMinor).toBe(2599);
  });

  it("an empty cart totals zero", () => {
    expect(computeTotals([])).toMatchObject({ subtotalMinor: 0, itemCount: 0, lines: [] });
  });

  it("refuses mixed currencies and broken prices", () => {
    expect(() => computeTotals([item({}), item({ editionId: 2, currency: "EUR" })])).toThrow(RangeError);
    expect(() => computeTotals([item({ unitPriceMinor: -1 })])).toThrow(RangeError);
    expect(() => computeTotals([item({ unitPriceMinor: 1.5 })])).toThrow(RangeError);
  });
});
