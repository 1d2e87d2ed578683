// The listing editor's names for its fields and choices: one list for the form, the history and
// the conflict view, so a change is named the way the field it was made in is. No database here
// (the form is a client component).
import type { ListingData } from "./schema";

type EditionData = ListingData["editions"][number];
type ContributorData = ListingData["contributors"][number];

export const LISTING_LABELS: Record<Exclude<keyof ListingData, "contributors" | "editions">, string> = {
  title: "Title",
  subtitle: "Subtitle",
  slug: "Slug",
  status: "Status",
  teaser: "Teaser",
  description: "Description",
  languages: "Languages",
  categorySlugs: "Categories",
  seriesName: "Series",
  seriesPosition: "Position in the series",
};

export const CONTRIBUTOR_LABELS: Record<keyof ContributorData, string> = {
  name: "Name, as credited",
  role: "Role",
  note: "Note",
};

export const EDITION_LABELS: Record<Exclude<keyof EditionData, "id">, string> = {
  format: "Format",
  formatLabel: "Format label",
  editionLabel: "Edition label",
  isbn13: "ISBN-13",
  priceMinor: "Price",
  currency: "Currency",
  availability: "Availability",
  publisher: "Publisher",
  publicationDate: "Publication date",
  pageCount: "Pages",
  fileSizeKb: "File size (KB)",
  textToSpeech: "Text-to-speech",
  screenReader: "Screen reader",
  enhancedTypesetting: "Enhanced typesetting",
  wordWise: "Word Wise",
};

export const STATUS_LABELS: Record<ListingData["status"], string> = {
  draft: "Draft (shoppers cannot see it)",
  published: "Published",
  hidden: "Hidden (withdrawn)",
};

export const AVAILABILITY_LABELS: Record<EditionData["availability"], string> = {
  in_stock: "In stock",
  preorder: "Pre-order",
  out_of_stock: "Out of stock",
  discontinued: "Discontinued",
};

/** The reading-feature selects' choices; null is "Not stated". */
export function featureLabel(value: boolean | null): string {
  return value === true ? "Yes" : value === false ? "No" : "Not stated";
}

/** The label of the category row `index`: row 0 is the main one, which the breadcrumb shows. */
export function categoryRowLabel(index: number): string {
  return index === 0 ? "Main category" : `Category ${index + 1}`;
}
