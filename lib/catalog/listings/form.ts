// The admin form's side of the listing schema: FormData (flat names such as "editions.0.isbn")
// to the schema's input, and stored data back to the strings a form shows. No database here.
import type { ListingData, ListingInput } from "./schema";
import { bookText, editionText, type EditionText } from "./as-text";

export const EDITION_FLAGS = ["textToSpeech", "screenReader", "enhancedTypesetting", "wordWise"] as const;

/** Every value is a string, as the form shows it; rows are in display order. */
export interface ListingFormValues {
  title: string;
  subtitle: string;
  slug: string;
  description: string;
  teaser: string;
  status: string;
  seriesName: string;
  seriesPosition: string;
  /** In the order shown, the main category first; "" for a row left at "None". */
  categorySlugs: string[];
  languages: string;
  contributors: { name: string; role: string; note: string; position: string }[];
  editions: EditionFormValues[];
}

/** Flags are "yes" | "no" | "" (not stated). */
export type EditionFormValues = EditionText;

export const EMPTY_CONTRIBUTOR = { name: "", role: "author", note: "", position: "" };
export const EMPTY_EDITION: EditionFormValues = {
  id: "",
  format: "paperback",
  formatLabel: "",
  editionLabel: "",
  isbn: "",
  price: "",
  currency: "USD",
  availability: "in_stock",
  publisher: "",
  publicationDate: "",
  pageCount: "",
  fileSizeKb: "",
  textToSpeech: "",
  screenReader: "",
  enhancedTypesetting: "",
  wordWise: "",
};

export const EMPTY_LISTING: ListingFormValues = {
  title: "",
  subtitle: "",
  slug: "",
  description: "",
  teaser: "",
  status: "draft",
  seriesName: "",
  seriesPosition: "",
  categorySlugs: [],
  languages: "en",
  contributors: [{ ...EMPTY_CONTRIBUTOR }],
  editions: [{ ...EMPTY_EDITION }],
};

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Highest N for which some "<prefix>.N.*" field was posted, plus one. */
function rowCount(formData: FormData, prefix: string): number {
  let count = 0;
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.`);
  for (const key of formData.keys()) {
    const n = Number(pattern.exec(key)?.[1] ?? -1);
    if (n >= 0 && n < 100) count = Math.max(count, n + 1);
  }
  return count;
}

/** Fields that describe an ebook's file; the form ignores them on any other edition. */
export const EBOOK_ONLY_FIELDS = ["fileSizeKb", ...EDITION_FLAGS] as const;

/**
 * The categories as posted: ticked boxes (`categorySlugs`, in the list's order), the main one
 * (`mainCategory`, a radio) and the order they were stored in (`categoryOrder`). The result keeps
 * the stored order, the main category first and newly ticked ones last, so an untouched form
 * posts back exactly what it showed. `storedOrder`: the book's order now (the server's own copy,
 * which wins). `mainUnticked`: a main category chosen but not ticked.
 */
export function categoryChoice(
  formData: FormData,
  storedOrder: string[] = [],
): { slugs: string[]; mainUnticked: boolean } {
  const strings = (name: string) =>
    formData.getAll(name).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  const ticked = strings("categorySlugs");
  const main = strings("mainCategory")[0] ?? "";
  // The order stored now comes first, whatever the post says (a client that dropped or garbled the
  // form's order changes nothing); the form's order places only the newly ticked ones.
  const order = [...storedOrder, ...strings("categoryOrder").flatMap((v) => v.split(","))];
  const stored = order.filter((slug) => ticked.includes(slug));
  const ordered = [...new Set([...stored, ...ticked])];
  if (!main) return { slugs: ordered, mainUnticked: false };
  if (!ticked.includes(main)) return { slugs: ordered, mainUnticked: true };
  return { slugs: [main, ...ordered.filter((slug) => slug !== main)], mainUnticked: false };
}

/** The posted form, as typed (for re-showing it), rows marked "remove" left out. */
export function formValuesFrom(formData: FormData, storedCategoryOrder: string[] = []): ListingFormValues {
  const contributors: ListingFormValues["contributors"] = [];
  for (let i = 0; i < rowCount(formData, "contributors"); i++) {
    if (text(formData, `contributors.${i}.remove`)) continue;
    contributors.push({
      name: text(formData, `contributors.${i}.name`),
      role: text(formData, `contributors.${i}.role`) || "author",
      note: text(formData, `contributors.${i}.note`),
      position: text(formData, `contributors.${i}.position`),
    });
  }
  const editions: EditionFormValues[] = [];
  for (let i = 0; i < rowCount(formData, "editions"); i++) {
    if (text(formData, `editions.${i}.remove`)) continue;
    const row = { ...EMPTY_EDITION };
    for (const key of Object.keys(EMPTY_EDITION) as (keyof EditionFormValues)[]) {
      row[key] = text(formData, `editions.${i}.${key}`);
    }
    row.currency ||= "USD";
    row.format ||= "paperback";
    row.availability ||= "in_stock";
    editions.push(row);
  }
  return {
    title: text(formData, "title"),
    subtitle: text(formData, "subtitle"),
    slug: text(formData, "slug"),
    description: text(formData, "description"),
    teaser: text(formData, "teaser"),
    status: text(formData, "status") || "draft",
    seriesName: text(formData, "seriesName"),
    seriesPosition: text(formData, "seriesPosition"),
    categorySlugs: categoryChoice(formData, storedCategoryOrder).slugs,
    languages: text(formData, "languages"),
    contributors,
    editions,
  };
}

function isBlankEdition(row: EditionFormValues): boolean {
  return !row.id && !row.isbn.trim() && !row.price.trim() && !row.formatLabel.trim() && !row.publisher.trim();
}

const NO_EBOOK_FIELDS = Object.fromEntries(EBOOK_ONLY_FIELDS.map((key) => [key, ""]));

/** The form's yes/no/unknown select; anything else goes on to the schema, which refuses it. */
const flag = (v: string): boolean | null | string =>
  v === "yes" ? true : v === "no" ? false : v === "" ? null : v;

/**
 * The schema's input from form values (unchecked: the schema decides), the form's spare blank
 * rows dropped.
 */
export function listingInputFromValues(values: ListingFormValues): Record<keyof ListingInput, unknown> {
  return {
    ...values,
    // Rows left at "None" are the form's spare rows; the rest keep their order (the first is main).
    categorySlugs: values.categorySlugs.filter((slug) => slug.trim() !== ""),
    contributors: values.contributors.filter((row) => row.name.trim() !== ""),
    editions: values.editions
      .filter((row) => !isBlankEdition(row))
      // A print or audio edition's ebook fields (shown without JavaScript, or left from when the
      // row was an ebook) are not stored.
      .map((row) => (row.format === "ebook" ? row : { ...row, ...NO_EBOOK_FIELDS }))
      .map((row) => ({
        ...row,
        textToSpeech: flag(row.textToSpeech),
        screenReader: flag(row.screenReader),
        enhancedTypesetting: flag(row.enhancedTypesetting),
        wordWise: flag(row.wordWise),
      })),
  };
}

/**
 * Field paths from the schema refer to rows after blank ones were dropped; the form shows every
 * row. Maps "editions.<kept index>.x" back to the row the person sees.
 */
export function formRowIndex(values: ListingFormValues): {
  contributors: number[];
  editions: number[];
} {
  const keep = <T>(rows: T[], blank: (row: T) => boolean) =>
    rows.flatMap((row, index) => (blank(row) ? [] : [index]));
  return {
    contributors: keep(values.contributors, (row) => row.name.trim() === ""),
    editions: keep(values.editions, isBlankEdition),
  };
}

/** Re-keys schema field errors to the rows of the form as shown. */
export function fieldErrorsForForm(
  fields: Record<string, string[]>,
  values: ListingFormValues,
): Record<string, string[]> {
  const index = formRowIndex(values);
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) {
    const match = /^(contributors|editions)\.(\d+)(\..*)?$/.exec(key);
    let mapped = key;
    if (match) {
      const rows = match[1] === "contributors" ? index.contributors : index.editions;
      mapped = `${match[1]}.${rows[Number(match[2])] ?? match[2]}${match[3] ?? ""}`;
    }
    (out[mapped] ??= []).push(...messages);
  }
  return out;
}

/** Stored data as the form shows it (prices back to "39.99", positions numbered from 1). */
export function formValuesFromData(data: ListingData): ListingFormValues {
  return {
    ...bookText(data),
    categorySlugs: data.categorySlugs,
    languages: data.languages.join(", "),
    contributors: data.contributors.map((c, i) => ({
      name: c.name,
      role: c.role,
      note: c.note ?? "",
      position: String(i + 1),
    })),
    editions: data.editions.map(editionText),
  };
}
