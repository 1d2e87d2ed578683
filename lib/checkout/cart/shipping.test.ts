import { describe, expect, it } from "vitest";
import {
  computeCharges,
  DEFAULT_SHIPPING_ZONES,
  formatTaxRate,
  parseShippingZones,
  zoneFor,
} from "./shipping";

describe("shipping and tax", () => {
  const us = zoneFor(DEFAULT_SHIPPING_ZONES, "US")!;

  it("charges shipping for printed copies only, and tax on each line rounded half up", () => {
    expect(computeCharges([{ format: "ebook", quantity: 1, lineTotalMinor: 3999 }], us, "US")).toEqual({
      country: "US",
      zone: "United States",
      shippingMinor: 0,
      taxMinor: 320,
      taxRateBasisPoints: 800,
    });
    const mixed = computeCharges(
      [
        { format: "ebook", quantity: 1, lineTotalMinor: 3999 },
        { format: "paperback", quantity: 3, lineTotalMinor: 2997 },
      ],
      us,
      "US",
    );
    expect(mixed).toMatchObject({ shippingMinor: 499 + 2 * 149, taxMinor: 320 + 240 });
    expect(formatTaxRate(825)).toBe("8.25%");
  });

  it("reads zones from SHIPPING_ZONES and says what is wrong with a bad one", () => {
    expect(parseShippingZones(undefined)).toBe(DEFAULT_SHIPPING_ZONES);
    const zones = parseShippingZones(
      '[{"name":"Home","countries":["gb"],"firstItemMinor":300,"additionalItemMinor":100,"taxRateBasisPoints":0}]',
    );
    expect(zones[0]!.countries).toEqual(["GB"]);
    expect(zoneFor(zones, "US")).toBeNull();
    expect(() => parseShippingZones("not json")).toThrow(/SHIPPING_ZONES must be JSON/);
    expect(() =>
      parseShippingZones(
        '[{"name":"A","countries":["US"],"firstItemMinor":1,"additionalItemMinor":1,"taxRateBasisPoints":0},{"name":"B","countries":["US"],"firstItemMinor":1,"additionalItemMinor":1,"taxRateBasisPoints":0}]',
      ),
    ).toThrow(/US is in two zones/);
    expect(() => parseShippingZones('[{"name":"A","countries":["USA"]}]')).toThrow(/SHIPPING_ZONES: 0\./);
  });

  it("still reads the deprecated firstItemCents and additionalItemCents keys", () => {
    const [zone] = parseShippingZones(
      '[{"name":"Home","countries":["GB"],"firstItemCents":300,"additionalItemCents":100,"taxRateBasisPoints":0}]', // keep-name
    );
    expect(zone).toMatchObject({ firstItemMinor: 300, additionalItemMinor: 100 });
    expect(
      computeCharges([{ format: "paperback", quantity: 2, lineTotalMinor: 2000 }], zone!, "GB"),
    ).toMatchObject({
      shippingMinor: 400,
    });
  });
});
