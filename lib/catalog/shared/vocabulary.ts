// The book trade's vocabulary as the store uses it: ONIX for Books 3.0 code lists and the
// schema.org terms the same ideas map to.
import type { ContributorRole, EditionFormat } from "@/lib/generated/prisma/enums";

export const CONTRIBUTOR_ROLES: Record<ContributorRole, { label: string; onixCode: string }> = {
  author: { label: "Author", onixCode: "A01" },
  original_author: { label: "Original author", onixCode: "A38" },
  translator: { label: "Translator", onixCode: "B06" },
  illustrator: { label: "Illustrator", onixCode: "A12" },
  editor: { label: "Editor", onixCode: "B01" },
};

export const EDITION_FORMATS: Record<
  EditionFormat,
  { label: string; onixProductForm: string; schemaOrgBookFormat: string; shipped: boolean }
> = {
  ebook: { label: "Ebook", onixProductForm: "ED", schemaOrgBookFormat: "EBook", shipped: false },
  paperback: { label: "Paperback", onixProductForm: "BC", schemaOrgBookFormat: "Paperback", shipped: true },
  hardcover: { label: "Hardcover", onixProductForm: "BB", schemaOrgBookFormat: "Hardcover", shipped: true },
  audiobook: {
    label: "Audiobook",
    onixProductForm: "AJ",
    schemaOrgBookFormat: "AudiobookFormat",
    shipped: false,
  },
};

/** "Kindle Edition" when the listing names the format so, else the plain format name. */
export function formatName(edition: { format: EditionFormat; formatLabel: string | null }): string {
  return edition.formatLabel ?? EDITION_FORMATS[edition.format].label;
}

const FORMAT_WORDS: Record<string, EditionFormat> = {
  "kindle edition": "ebook",
  ebook: "ebook",
  "e-book": "ebook",
  paperback: "paperback",
  hardcover: "hardcover",
  hardback: "hardcover",
  audiobook: "audiobook",
  "audible audiobook": "audiobook",
};

/** Maps a retailer's format wording ("Kindle Edition", "Paperback") to the store's format. */
export function parseFormatName(name: string): EditionFormat | null {
  return FORMAT_WORDS[name.trim().toLowerCase()] ?? null;
}
