// Shipping and tax by destination zone: what the cart and checkout show before paying, what the
// order stores and what Stripe is asked to charge. Pure: the zones come from SHIPPING_ZONES (or
// the demo defaults below) through lib/env.ts.
import { z } from "zod";
import type { EditionFormat } from "@/lib/generated/prisma/enums";
import { isDigital } from "./rules";

export interface ShippingZone {
  /** Shown to shoppers and sent to Stripe as the shipping option's name ("United States"). */
  name: string;
  /** ISO 3166-1 alpha-2 codes this zone ships to. */
  countries: string[];
  /** For the first printed copy of an order, in minor units of the store's currency. */
  firstItemMinor: number;
  /** For each further printed copy. */
  additionalItemMinor: number;
  /** Tax on the goods (not on shipping), in basis points: 800 is 8%. */
  taxRateBasisPoints: number;
}

/**
 * Placeholders for the demo store: set SHIPPING_ZONES to your carrier's rates and the tax you
 * must collect (docs/payments.md).
 */
export const DEFAULT_SHIPPING_ZONES: ShippingZone[] = [
  {
    name: "United States",
    countries: ["US"],
    firstItemMinor: 499,
    additionalItemMinor: 149,
    taxRateBasisPoints: 800,
  },
  {
    name: "Canada and Mexico",
    countries: ["CA", "MX"],
    firstItemMinor: 999,
    additionalItemMinor: 299,
    taxRateBasisPoints: 0,
  },
  {
    name: "Europe",
    countries: ["GB", "IE", "DE", "FR", "ES"],
    firstItemMinor: 1499,
    additionalItemMinor: 399,
    taxRateBasisPoints: 0,
  },
  {
    name: "Rest of the world",
    countries: ["AU", "NZ", "IN"],
    firstItemMinor: 1999,
    additionalItemMinor: 499,
    taxRateBasisPoints: 0,
  },
];

const minor = z.number().int().min(0).max(1_000_000);

/**
 * Zone keys SHIPPING_ZONES was first documented with: still read (deprecated), so a deployed
 * configuration keeps working; the new name wins when both are given.
 */
const DEPRECATED_ZONE_KEYS = {
  firstItemCents: "firstItemMinor", // keep-name: deprecated SHIPPING_ZONES key
  additionalItemCents: "additionalItemMinor", // keep-name: deprecated SHIPPING_ZONES key
} as const;

function renameDeprecatedKeys(zone: unknown): unknown {
  if (zone === null || typeof zone !== "object" || Array.isArray(zone)) return zone;
  const renamed: Record<string, unknown> = { ...zone };
  for (const [old, current] of Object.entries(DEPRECATED_ZONE_KEYS)) {
    if (Object.hasOwn(renamed, old)) {
      renamed[current] ??= renamed[old];
      delete renamed[old];
    }
  }
  return renamed;
}

export const shippingZonesSchema = z
  .array(
    z.preprocess(
      renameDeprecatedKeys,
      z.object({
        name: z.string().trim().min(1).max(60),
        countries: z
          .array(
            z
              .string()
              .trim()
              .toUpperCase()
              .regex(/^[A-Z]{2}$/, "countries are ISO 3166-1 alpha-2 codes such as US"),
          )
          .min(1),
        firstItemMinor: minor,
        additionalItemMinor: minor,
        taxRateBasisPoints: z.number().int().min(0).max(10_000),
      }),
    ),
  )
  .min(1)
  .superRefine((zones, ctx) => {
    const seen = new Set<string>();
    for (const zone of zones)
      for (const country of zone.countries) {
        if (seen.has(country)) ctx.addIssue({ code: "custom", message: `${country} is in two zones` });
        seen.add(country);
      }
  });

/** SHIPPING_ZONES is JSON (an array of zones); an error says what is wrong with it. */
export function parseShippingZones(raw: string | undefined): ShippingZone[] {
  if (!raw) return DEFAULT_SHIPPING_ZONES;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error("SHIPPING_ZONES must be JSON: an array of zones (see .env.example).");
  }
  const parsed = shippingZonesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `SHIPPING_ZONES: ${issue?.path.join(".") || "zones"}: ${issue?.message ?? "invalid"} (see .env.example).`,
    );
  }
  return parsed.data;
}

/** Every country the store ships to, in zone order. */
export function shippingCountries(zones: ShippingZone[]): string[] {
  return zones.flatMap((zone) => zone.countries);
}

export function zoneFor(zones: ShippingZone[], country: string | null | undefined): ShippingZone | null {
  if (!country) return null;
  return zones.find((zone) => zone.countries.includes(country.toUpperCase())) ?? null;
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "US" -> "United States" */
export function countryName(code: string): string {
  return countryNames.of(code) ?? code;
}

/** Tax on one line, rounded half up to the minor unit: Stripe's rule for a tax rate on a line item. */
export function lineTax(lineTotalMinor: number, basisPoints: number): number {
  return Math.round((lineTotalMinor * basisPoints) / 10_000);
}

export interface ChargeLine {
  format: EditionFormat;
  quantity: number;
  lineTotalMinor: number;
}

export interface Charges {
  country: string;
  zone: string;
  /** 0 when nothing in the order is printed: ebooks never pay shipping. */
  shippingMinor: number;
  taxMinor: number;
  taxRateBasisPoints: number;
}

/** Shipping for the printed copies and tax on each line, for one destination. */
export function computeCharges(lines: ChargeLine[], zone: ShippingZone, country: string): Charges {
  const printed = lines.filter((line) => !isDigital(line.format)).reduce((n, line) => n + line.quantity, 0);
  const shippingMinor = printed === 0 ? 0 : zone.firstItemMinor + (printed - 1) * zone.additionalItemMinor;
  const taxMinor = lines.reduce(
    (sum, line) => sum + lineTax(line.lineTotalMinor, zone.taxRateBasisPoints),
    0,
  );
  return { country, zone: zone.name, shippingMinor, taxMinor, taxRateBasisPoints: zone.taxRateBasisPoints };
}

/** "8%" or "8.25%" */
export function formatTaxRate(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}
