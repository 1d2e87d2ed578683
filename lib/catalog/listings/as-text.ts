// A stored listing's values as the text a person reads and types back: what the admin form shows
// and what the CSV export writes. The form's and the CSV's inversions of the listing schema both
// start here, so a field's text (a price as "39.99", a flag as yes/no) is written one way; each
// round-trips through the schema (round-trip.test.ts walks the schema's keys).
import type { EditionData, ListingData } from "./schema";
import { toDecimalString } from "../shared/money";

/** A flag as the form's select and the CSV's cell write it: "yes", "no" or "" (not stated). */
export const yesNo = (value: boolean | null): string =>
  value === true ? "yes" : value === false ? "no" : "";

const optional = (value: string | number | null | undefined): string => (value == null ? "" : String(value));

/** An edition's fields, keyed by the schema's input names, as text. */
export interface EditionText {
  id: string;
  format: string;
  formatLabel: string;
  editionLabel: string;
  isbn: string;
  price: string;
  currency: string;
  availability: string;
  publisher: string;
  publicationDate: string;
  pageCount: string;
  fileSizeKb: string;
  textToSpeech: string;
  screenReader: string;
  enhancedTypesetting: string;
  wordWise: string;
}

export function editionText(edition: EditionData): EditionText {
  return {
    id: optional(edition.id),
    format: edition.format,
    formatLabel: optional(edition.formatLabel),
    editionLabel: optional(edition.editionLabel),
    isbn: optional(edition.isbn13),
    price: toDecimalString(edition.priceMinor, edition.currency),
    currency: edition.currency,
    availability: edition.availability,
    publisher: optional(edition.publisher),
    publicationDate: optional(edition.publicationDate),
    pageCount: optional(edition.pageCount),
    fileSizeKb: optional(edition.fileSizeKb),
    textToSpeech: yesNo(edition.textToSpeech),
    screenReader: yesNo(edition.screenReader),
    enhancedTypesetting: yesNo(edition.enhancedTypesetting),
    wordWise: yesNo(edition.wordWise),
  };
}

/** The book's single-valued fields as text (lists are written each input's own way). */
export type BookText = Record<
  "title" | "subtitle" | "slug" | "description" | "teaser" | "status" | "seriesName" | "seriesPosition",
  string
>;

export function bookText(data: ListingData): BookText {
  return {
    title: data.title,
    subtitle: optional(data.subtitle),
    slug: data.slug,
    description: optional(data.description),
    teaser: optional(data.teaser),
    status: data.status,
    seriesName: optional(data.seriesName),
    seriesPosition: optional(data.seriesPosition),
  };
}
