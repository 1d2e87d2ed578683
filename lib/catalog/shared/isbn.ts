import ISBN from "isbn3";

/**
 * Normalises an ISBN as a shopper or publisher types it (hyphens, spaces, ISBN-10) to the 13
 * digits the catalog stores. Returns null when it is not a valid ISBN (wrong check digit,
 * unassigned range, wrong length).
 */
export function normalizeIsbn13(input: string): string | null {
  const compact = input.trim().replace(/[\s\u2010-\u2015-]/g, "");
  if (!/^(\d{9}[\dXx]|\d{13})$/.test(compact)) return null;
  const parsed = ISBN.parse(compact);
  return parsed?.isValid && parsed.isbn13 ? parsed.isbn13 : null;
}

/** 978-0-306-40615-7 style, for display. */
export function hyphenateIsbn13(isbn13: string): string {
  return ISBN.asIsbn13(isbn13, true) ?? isbn13;
}
