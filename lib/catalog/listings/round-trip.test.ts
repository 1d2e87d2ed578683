import { describe, expect, it } from "vitest";
import { ROUND_TRIPS, schemaInputPaths, valuesAt } from "@/test/listing-round-trips";
import type { ListingData } from "./schema";

/** Input keys that carry no stored value of their own: a row's position is its place in the list. */
const ORDER_ONLY = new Set(["contributors.*.position"]);

/** Every field set, on one row at least (a print edition stores no ebook fields). */
const FULL: ListingData = {
  title: 'Cálculo, "rápido"; y d\'Ors',
  subtitle: "Every field, set",
  slug: "every-field-set",
  description: "Line one, with commas\n\nLine two",
  teaser: "=A teaser that starts like a formula",
  status: "published",
  seriesName: "Colección Ñ",
  seriesPosition: 3,
  categorySlugs: ["history", "asia"],
  languages: ["es", "en"],
  contributors: [
    { name: "Ana; María", role: "author", note: "credited | as \\ is" },
    { name: "Shen Zihua", role: "translator", note: "from the Chinese" },
  ],
  editions: [
    {
      id: 7,
      format: "ebook",
      formatLabel: "Kindle Edition",
      editionLabel: "2nd Edition",
      isbn13: "9780306406157",
      priceMinor: 3999,
      currency: "USD",
      availability: "preorder",
      publisher: "Plaza & Janés, S.A.",
      publicationDate: "2024-05-31",
      pageCount: 265,
      fileSizeKb: 1706,
      textToSpeech: true,
      screenReader: false,
      enhancedTypesetting: true,
      wordWise: false,
    },
    {
      id: 8,
      format: "paperback",
      formatLabel: null,
      editionLabel: "1st Edition",
      isbn13: "9780141439518",
      priceMinor: 1500,
      currency: "JPY",
      availability: "in_stock",
      publisher: "Penguin",
      publicationDate: "1982-10-01",
      pageCount: 433,
      fileSizeKb: null,
      textToSpeech: null,
      screenReader: null,
      enhancedTypesetting: null,
      wordWise: null,
    },
  ],
};

describe("each input's pair of functions inverts the listing schema", () => {
  const paths = schemaInputPaths();

  it("finds the schema's keys through its JSON Schema", () => {
    expect(paths).toEqual(
      expect.arrayContaining(["title", "editions", "editions.*.price", "contributors.*.name"]),
    );
  });

  it("the full listing sets every stored field on some row", () => {
    const unset = (Object.keys(FULL) as (keyof ListingData)[]).filter((key) => FULL[key] === null);
    const editionKeys = Object.keys(FULL.editions[0]!) as (keyof ListingData["editions"][number])[];
    expect(unset).toEqual([]);
    expect(editionKeys.filter((key) => FULL.editions.every((e) => e[key] === null))).toEqual([]);
  });

  for (const [name, roundTrip] of Object.entries(ROUND_TRIPS)) {
    it(`${name}: every schema key is mapped, and a full listing comes back equal`, () => {
      const { input, parsed } = roundTrip(FULL);
      const missing = paths.filter((path) => !ORDER_ONLY.has(path) && valuesAt(input, path).length === 0);
      expect(missing, `${name} leaves out`).toEqual([]);
      expect(parsed).toEqual({ ok: true, data: FULL });
    });

    it(`${name}: a listing with nothing optional comes back equal`, () => {
      const bare: ListingData = {
        ...FULL,
        subtitle: null,
        description: null,
        teaser: null,
        status: "draft",
        seriesName: null,
        seriesPosition: null,
        categorySlugs: [],
        languages: [],
        contributors: [],
        editions: [],
      };
      expect(roundTrip(bare).parsed).toEqual({ ok: true, data: bare });
    });
  }
});
