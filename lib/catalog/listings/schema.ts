// The one schema for a listing (a book with its editions, credits, categories and series), used by
// the admin form's server action and by the write API alike. Input is what a person or client
// types (prices as "39.99", ISBNs with or without hyphens, languages as "es, en"); output is what
// the catalog stores (minor units, 13 digits, codes).
import { z } from "zod";
import { normalizeIsbn13 } from "../shared/isbn";
import { parseMoney, toDecimalString } from "../shared/money";
import { isValidSlug, slugify } from "../shared/slug";
import { LEGACY_EDITION_KEYS } from "./legacy-keys";

export const BOOK_STATUSES = ["draft", "published", "hidden"] as const;
export const EDITION_FORMAT_VALUES = ["ebook", "paperback", "hardcover", "audiobook"] as const;
export const AVAILABILITY_VALUES = ["in_stock", "preorder", "out_of_stock", "discontinued"] as const;
export const CONTRIBUTOR_ROLE_VALUES = [
  "author",
  "original_author",
  "translator",
  "illustrator",
  "editor",
] as const;

export const MAX_CONTRIBUTORS = 30;
export const MAX_EDITIONS = 12;
export const MAX_CATEGORIES = 20;
/** Highest edition price in minor units (1,000,000.00). */
export const MAX_PRICE_MINOR = 100_000_000;

/**
 * Line breaks as LF only. Browsers post a textarea's line breaks as CRLF (the HTML form encoding),
 * and the product page finds paragraphs at blank lines: every line break is stored one way,
 * whichever of the form, the API or a CSV file sent it.
 */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** "" and whitespace become null; anything else is trimmed, its line breaks normalised. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => (v == null || v.trim() === "" ? null : normalizeLineBreaks(v.trim())));

/** A whole number typed in a text field ("" → null). */
const optionalInt = (min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) => {
      if (v == null || (typeof v === "string" && v.trim() === "")) return null;
      const n = typeof v === "number" ? v : Number(v.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `Enter a whole number from ${min} to ${max}.` });
        return z.NEVER;
      }
      return n;
    });

/** Checkbox ("on"), "true"/"false", booleans; absent → null (not stated). */
const TRUE_WORDS = new Set(["on", "true", "1", "yes"]);
const FALSE_WORDS = new Set(["off", "false", "0", "no"]);
const optionalFlag = z
  .union([z.boolean(), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v == null || v === "") return null;
    if (typeof v === "boolean") return v;
    if (TRUE_WORDS.has(v)) return true;
    if (FALSE_WORDS.has(v)) return false;
    ctx.addIssue({ code: "custom", message: "Choose yes or no." });
    return z.NEVER;
  });

export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

const languages = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v, ctx) => {
    const parts = (Array.isArray(v) ? v : (v ?? "").split(","))
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = parts.filter((p) => !LANGUAGE_CODE.test(p));
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        message: `Use bare language codes like "en" or "es" (not: ${bad.join(", ")}).`,
      });
      return z.NEVER;
    }
    return [...new Set(parts)];
  });

const contributorRow = z.object({
  name: optionalText(200),
  role: z.enum(CONTRIBUTOR_ROLE_VALUES, { error: "Choose a role." }),
  note: optionalText(300),
  position: optionalInt(0, 1000),
});

const editionRow = z
  .object({
    id: optionalInt(1, 2_147_483_647),
    format: z.enum(EDITION_FORMAT_VALUES, { error: "Choose a format." }),
    formatLabel: optionalText(80),
    editionLabel: optionalText(80),
    isbn: optionalText(40),
    price: z.union([z.string(), z.number()], { error: "Enter a price." }),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code like USD.")
      .default("USD"),
    availability: z.enum(AVAILABILITY_VALUES, { error: "Choose an availability." }).default("in_stock"),
    publisher: optionalText(200),
    publicationDate: z
      .string()
      .nullish()
      .transform((v, ctx) => {
        if (v == null || v.trim() === "") return null;
        const s = v.trim();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
          ctx.addIssue({ code: "custom", message: "Use a date like 2024-05-31." });
          return z.NEVER;
        }
        return s;
      }),
    pageCount: optionalInt(1, 100_000),
    fileSizeKb: optionalInt(1, 10_000_000),
    textToSpeech: optionalFlag,
    screenReader: optionalFlag,
    enhancedTypesetting: optionalFlag,
    wordWise: optionalFlag,
  })
  .transform((row, ctx) => {
    let isbn13: string | null = null;
    if (row.isbn) {
      isbn13 = normalizeIsbn13(row.isbn);
      if (!isbn13) ctx.addIssue({ code: "custom", path: ["isbn"], message: "Not a valid ISBN-13." });
    }
    const parsedPrice =
      typeof row.price === "number"
        ? parseMoney(String(row.price), row.currency)
        : parseMoney(row.price, row.currency);
    // The column is a 32-bit integer: larger amounts would fail in the database, not here.
    const priceMinor = parsedPrice !== null && parsedPrice <= MAX_PRICE_MINOR ? parsedPrice : null;
    if (priceMinor === null) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "Enter a price like 39.99." });
    }
    if (isbn13 === null && row.isbn) return z.NEVER;
    if (priceMinor === null) return z.NEVER;
    const { isbn: _isbn, price: _price, ...rest } = row;
    return { ...rest, isbn13, priceMinor };
  });

export const listingSchema = z
  .object({
    title: z
      .string({ error: "Enter a title." })
      .trim()
      .min(1, "Enter a title.")
      .max(300)
      .transform(normalizeLineBreaks),
    subtitle: optionalText(300),
    slug: optionalText(200),
    description: optionalText(20_000),
    teaser: optionalText(1_000),
    status: z.enum(BOOK_STATUSES, { error: "Choose draft, published or hidden." }).default("draft"),
    /** An existing series' name, or a new one to create. */
    seriesName: optionalText(200),
    seriesPosition: optionalInt(1, 10_000),
    categorySlugs: z.array(z.string().trim().min(1)).max(MAX_CATEGORIES).default([]),
    languages,
    contributors: z.array(contributorRow).max(MAX_CONTRIBUTORS).default([]),
    editions: z.array(editionRow).max(MAX_EDITIONS).default([]),
  })
  .transform((input, ctx) => {
    const slug = input.slug ?? slugify(input.title);
    if (!isValidSlug(slug)) {
      ctx.addIssue({
        code: "custom",
        path: ["slug"],
        message: "Use lowercase letters, digits and single hyphens (e.g. my-book-title).",
      });
      return z.NEVER;
    }
    // Blank rows are the form's spare rows: dropped. Order by the typed position, then row order.
    const contributors = input.contributors
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.name !== null)
      .sort((a, b) => (a.row.position ?? a.index) - (b.row.position ?? b.index) || a.index - b.index)
      .map(({ row }) => ({ name: row.name as string, role: row.role, note: row.note }));
    const seen = new Set<string>();
    input.contributors.forEach((row, index) => {
      if (!row.name) return;
      const key = `${row.name.toLowerCase()}|${row.role}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["contributors", index, "name"],
          message: "This person is already credited in this role.",
        });
      }
      seen.add(key);
    });
    const isbns = new Map<string, number>();
    input.editions.forEach((edition, index) => {
      if (!edition.isbn13) return;
      if (isbns.has(edition.isbn13)) {
        ctx.addIssue({
          code: "custom",
          path: ["editions", index, "isbn"],
          message: `ISBN already used by edition ${(isbns.get(edition.isbn13) ?? 0) + 1} of this book.`,
        });
      }
      isbns.set(edition.isbn13, index);
    });
    if (input.status === "published" && input.editions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "Add an edition before publishing." });
    }
    return {
      title: input.title,
      subtitle: input.subtitle,
      slug,
      description: input.description,
      teaser: input.teaser,
      status: input.status,
      seriesName: input.seriesName,
      seriesPosition: input.seriesName ? input.seriesPosition : null,
      categorySlugs: [...new Set(input.categorySlugs)],
      languages: input.languages,
      contributors,
      editions: input.editions,
    };
  });

/** What the form and the API send. */
export type ListingInput = z.input<typeof listingSchema>;
/** What the catalog stores; also a revision's snapshot. */
export type ListingData = z.output<typeof listingSchema>;
export type EditionData = ListingData["editions"][number];

/** The input form of a stored edition: what a client would send to recreate it. */
function editionInput(edition: ListingData["editions"][number]): Record<string, unknown> {
  const { isbn13, priceMinor, ...rest } = edition;
  return { ...rest, isbn: isbn13, price: toDecimalString(priceMinor, edition.currency) };
}

/** The input form of a stored listing (listingSchema parses it back to the same data). */
export function listingInputFrom(data: ListingData): Record<string, unknown> {
  return {
    ...data,
    contributors: data.contributors.map((c) => ({ ...c })),
    editions: data.editions.map(editionInput),
  };
}

/** A stored snapshot (ListingRevision.snapshot) in today's names, whenever it was saved. */
export function readSnapshot(json: unknown): ListingData {
  const data = json as ListingData;
  return {
    ...data,
    editions: (data.editions ?? []).map((edition) => {
      const renamed: Record<string, unknown> = { ...edition };
      for (const [old, current] of Object.entries(LEGACY_EDITION_KEYS)) {
        if (Object.hasOwn(renamed, old)) {
          renamed[current] ??= renamed[old];
          delete renamed[old];
        }
      }
      return renamed as EditionData;
    }),
  };
}
