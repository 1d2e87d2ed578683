// The listings CSV format (docs/exchange.md): one row per edition, the book's columns repeated on
// each of its rows. Parsing goes through csv-parse, with the physical line of every row so errors
// can name it; rows group into the listing schema's input, and listings turn back into rows for
// the export. No database here: the import planner (listing-import.ts) does the store's checks.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { ContributorRole } from "@/lib/generated/prisma/enums";
import { fieldErrorsFrom } from "@/lib/errors";
import {
  type AVAILABILITY_VALUES,
  type BOOK_STATUSES,
  type EDITION_FORMAT_VALUES,
  listingSchema,
  type ListingData,
  type ListingInput,
} from "../listings/schema";
import type { StoredListing } from "../listings/store";
import { bookText, editionText, type EditionText } from "../listings/as-text";
import { slugify } from "../shared/slug";
import { CONTRIBUTOR_ROLES } from "../shared/vocabulary";

const BOOK_COLUMNS = [
  "book_id",
  "version",
  "slug",
  "title",
  "subtitle",
  "status",
  "languages",
  "categories",
  "series",
  "series_position",
  "contributors",
  "teaser",
  "description",
] as const;

const EDITION_COLUMNS = [
  "edition_id",
  "format",
  "format_label",
  "edition_label",
  "isbn13",
  "price",
  "currency",
  "availability",
  "publisher",
  "publication_date",
  "pages",
  "file_size_kb",
  "text_to_speech",
  "screen_reader",
  "enhanced_typesetting",
  "word_wise",
] as const;

export const CSV_COLUMNS = [...BOOK_COLUMNS, ...EDITION_COLUMNS] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What each column holds, as the import page shows it (docs/exchange.md has the full rules). */
export const CSV_COLUMN_HELP: Record<CsvColumn, string> = {
  book_id: "The store's id of the book (optional column; blank for a new book).",
  version:
    "The book's version when exported: an update is refused if the book changed since (optional column).",
  slug: "The book's address and the key that groups its rows; blank means one made from the title.",
  title: "Required.",
  subtitle: "",
  status: "draft, published or hidden (blank: draft).",
  languages: "Language codes separated by semicolons: es;en.",
  categories: "Category slugs separated by semicolons; each must exist.",
  series: "A series name (created if new).",
  series_position: "A whole number.",
  contributors:
    "“A01: Name; B06: Name | note”. Roles: A01 author, A38 original author, B06 translator, A12 illustrator, B01 editor. Write \\; \\| \\\\ for ; | \\ inside a name or note.",
  teaser: "",
  description: "Line breaks are kept.",
  edition_id:
    "The store's id of the edition (optional column; blank: the stored edition with the same ISBN, or without ISBN the next one of the same format, else a new edition).",
  format: "ebook, paperback, hardcover or audiobook. Required on a row with an edition.",
  format_label: "As the trade names the format, e.g. Kindle Edition.",
  edition_label: "e.g. 1st Edition.",
  isbn13: "ISBN-13, hyphens allowed; check digit checked.",
  price: "In currency units with a dot: 39.99. Required on a row with an edition.",
  currency: "Three letters (blank: USD).",
  availability: "in_stock, preorder, out_of_stock or discontinued (blank: in_stock).",
  publisher: "",
  publication_date: "YYYY-MM-DD.",
  pages: "A whole number.",
  file_size_kb: "Ebook file size in kilobytes.",
  text_to_speech: "yes, no or blank (not stated).",
  screen_reader: "yes, no or blank.",
  enhanced_typesetting: "yes, no or blank.",
  word_wise: "yes, no or blank.",
};

/** The store's own ids: an export carries them, a hand-made file may leave the columns out. */
export const OPTIONAL_COLUMNS: ReadonlySet<CsvColumn> = new Set(["book_id", "version", "edition_id"]);

/**
 * A problem with the file, by the physical line it starts on (1 = the header); `column` is the
 * header name, null for the whole row. A schema, as import jobs store issues as JSON.
 */
export const csvIssueSchema = z.object({
  line: z.number().int(),
  column: z.enum(CSV_COLUMNS).nullable(),
  message: z.string(),
});
export type CsvIssue = z.infer<typeof csvIssueSchema>;

interface CsvRow {
  line: number;
  values: Record<CsvColumn, string>;
}

interface ParsedCsv {
  /** Data rows (blank rows dropped); empty when the header is wrong. */
  rows: CsvRow[];
  errors: CsvIssue[];
}

/** Reading stops after this many unreadable lines: the file is probably not this format. */
const MAX_READ_ERRORS = 100;

// ---------------------------------------------------------------------------------------------
// Cells

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection): the export
 * prefixes such cells with an apostrophe, and a leading apostrophe before one of those characters
 * (or before another apostrophe) is always such a prefix, so import drops it. Reversible.
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) || /^'[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return /^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value;
}

const ROLE_BY_CODE = new Map(
  Object.entries(CONTRIBUTOR_ROLES).map(([role, { onixCode }]) => [onixCode, role as ContributorRole]),
);
const ROLE_CODES_TEXT = Object.values(CONTRIBUTOR_ROLES)
  .map((r) => `${r.onixCode} (${r.label.toLowerCase()})`)
  .join(", ");

/** `\`, `;` and `|` are the contributors cell's own characters: backslash-escaped inside names and notes. */
function escapeCredit(text: string): string {
  return text.replace(/[\\;|]/g, (c) => `\\${c}`);
}

/** "A01: Name; A38: Other Name | a note" from credits. */
export function formatContributors(credits: ListingData["contributors"]): string {
  return credits
    .map((c) => {
      const code = CONTRIBUTOR_ROLES[c.role].onixCode;
      return `${code}: ${escapeCredit(c.name)}${c.note ? ` | ${escapeCredit(c.note)}` : ""}`;
    })
    .join("; ");
}

/** Splits on an unescaped separator, keeping escapes for the next step. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function unescapeCredit(text: string): string {
  return text.replace(/\\([\\;|])/g, "$1").trim();
}

type ParsedCredits =
  | { ok: true; credits: { name: string; role: ContributorRole; note: string | null }[] }
  | { ok: false; message: string };

/** The contributors cell back into credits; the first problem as a message. */
export function parseContributors(cell: string): ParsedCredits {
  const credits: { name: string; role: ContributorRole; note: string | null }[] = [];
  for (const raw of splitUnescaped(cell, ";")) {
    const entry = raw.trim();
    if (!entry) continue;
    const colon = entry.indexOf(":");
    if (colon < 0) {
      return {
        ok: false,
        message: `“${unescapeCredit(entry)}” has no role: write each credit as “A01: Name”, separated by semicolons.`,
      };
    }
    const code = entry.slice(0, colon).trim().toUpperCase();
    const role = ROLE_BY_CODE.get(code);
    if (!role) {
      return { ok: false, message: `Unknown role code “${code}”: use ${ROLE_CODES_TEXT}.` };
    }
    const [namePart = "", ...noteParts] = splitUnescaped(entry.slice(colon + 1), "|");
    const name = unescapeCredit(namePart);
    if (!name) return { ok: false, message: `The ${code} credit has no name.` };
    const note = noteParts.length ? unescapeCredit(noteParts.join("|")) : "";
    credits.push({ name, role, note: note || null });
  }
  return { ok: true, credits };
}

/** "es;en" (commas accepted too) as a list; blanks dropped. */
function splitList(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const FLAG_VALUES: Record<string, boolean> = {
  yes: true,
  no: false,
  true: true,
  false: false,
  "1": true,
  "0": false,
};

// ---------------------------------------------------------------------------------------------
// Reading the file

/** Byte offsets where each line starts (line 1 at 0). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The first offset at or after `from` that is not a line break (blank lines are skipped). */
function skipBreaks(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

interface RawRecord {
  line: number;
  fields: string[];
}

function readErrorMessage(code: string | undefined, column: string | null): string {
  switch (code) {
    case "INVALID_OPENING_QUOTE":
      return `A quote (") inside a value that does not start with one${column ? ` (column “${column}”)` : ""}: put the whole value in quotes and double the quote inside it ("").`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return "Unbalanced quote: a quoted value must end with a quote right before a comma or the end of the line. Nothing on this line was read.";
    case "CSV_QUOTE_NOT_CLOSED":
      return 'Unbalanced quote: a value opens a quote (") that is never closed. Nothing on this line was read.';
    default:
      return "This line could not be read as CSV.";
  }
}

/**
 * Every record with the line it starts on. csv-parse stops at the first malformed record, so after
 * one the reading goes on from the next line: one bad row costs one row, and every such row is
 * reported, up to MAX_READ_ERRORS.
 */
function readRecords(text: string): {
  records: RawRecord[];
  errors: { line: number; code?: string; column: number | null }[];
} {
  const bytes = Buffer.from(text, "utf8");
  const starts = lineStarts(bytes);
  const records: RawRecord[] = [];
  const errors: { line: number; code?: string; column: number | null }[] = [];
  let base = 0;
  while (base < bytes.length && errors.length < MAX_READ_ERRORS) {
    let end = base;
    try {
      parse(bytes.subarray(base), {
        bom: base === 0,
        // Both, whatever the first line used: files edited by hand mix them.
        record_delimiter: ["\r\n", "\n"],
        skip_empty_lines: true,
        relax_column_count: true,
        // Line numbers come from byte offsets: csv-parse's own line count is off when a quoted
        // value holds a CRLF.
        on_record: (fields: string[], context) => {
          records.push({ line: lineAt(starts, skipBreaks(bytes, end)), fields });
          end = base + context.bytes;
          return null;
        },
      });
      break;
    } catch (error) {
      const e = error as { code?: string; column?: number };
      const line = lineAt(starts, skipBreaks(bytes, end));
      errors.push({ line, code: e.code, column: typeof e.column === "number" ? e.column : null });
      // Go on with the line after the one the bad record starts on: a stray quote swallows the
      // lines after it, which are usually good rows of their own.
      base = starts[line] ?? bytes.length;
    }
  }
  return { records, errors };
}

function headerIssues(names: string[]): CsvIssue[] {
  const issues: CsvIssue[] = [];
  const known = new Set<string>(CSV_COLUMNS);
  const seen = new Set<string>();
  if (names.length === 1 && (names[0] ?? "").includes(";")) {
    return [
      {
        line: 1,
        column: null,
        message:
          "The columns are separated by semicolons: save the file as comma-separated CSV (UTF-8), as the export is.",
      },
    ];
  }
  for (const name of names) {
    if (seen.has(name)) issues.push({ line: 1, column: null, message: `Column “${name}” appears twice.` });
    else if (!known.has(name))
      issues.push({
        line: 1,
        column: null,
        message: name ? `Unknown column “${name}”.` : "A column has no name in the header.",
      });
    seen.add(name);
  }
  for (const column of CSV_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(column) && !seen.has(column)) {
      issues.push({ line: 1, column: null, message: `Missing column “${column}”.` });
    }
  }
  return issues;
}

/**
 * Reads a listings CSV: header checked (names, case and spaces ignored; order free), rows keyed
 * by column, formula guards removed. Rows whose cells are all blank are dropped.
 */
export function parseListingsCsv(text: string): ParsedCsv {
  const { records, errors: readErrors } = readRecords(text);
  const [header, ...body] = records;
  const errors: CsvIssue[] = [];
  if (!header && !readErrors.length) {
    errors.push({ line: 1, column: null, message: "The file is empty." });
  } else if (!header || (readErrors[0] && readErrors[0].line < header.line)) {
    errors.push({ line: 1, column: null, message: "The header row could not be read as CSV." });
  }
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  errors.push(...(header ? headerIssues(names) : []));
  if (errors.length) return { rows: [], errors };

  for (const e of readErrors) {
    const column = e.column !== null ? (names[e.column] ?? null) : null;
    errors.push({
      line: e.line,
      column: (column as CsvColumn | null) ?? null,
      message: readErrorMessage(e.code, column),
    });
  }
  if (readErrors.length >= MAX_READ_ERRORS) {
    errors.push({
      line: readErrors[readErrors.length - 1]?.line ?? 1,
      column: null,
      message: `Stopped reading after ${MAX_READ_ERRORS} unreadable lines.`,
    });
  }

  const rows: CsvRow[] = [];
  for (const record of body) {
    if (record.fields.every((f) => f.trim() === "")) continue;
    if (record.fields.length !== names.length) {
      errors.push({
        line: record.line,
        column: null,
        message: `${record.fields.length} values where the header has ${names.length} columns: a value with a comma must be in quotes.`,
      });
      continue;
    }
    const values = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as Record<CsvColumn, string>;
    names.forEach((name, i) => {
      values[name as CsvColumn] = unguardFormula(record.fields[i] ?? "");
    });
    rows.push({ line: record.line, values });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------------
// Rows into listings

/** One book of the file: its rows, ids and the schema's input built from them. */
export interface ListingGroup {
  /** The slug (or, when blank, the slug its title gives): rows with the same one are one book. */
  key: string;
  firstLine: number;
  lines: number[];
  bookId: number | null;
  version: number | null;
  /** The line each edition came from, by the edition's index in `input.editions`. */
  editionLines: number[];
  input: ListingInput & { editions: NonNullable<ListingInput["editions"]> };
}

const FIELD_COLUMNS: Record<string, CsvColumn> = {
  title: "title",
  subtitle: "subtitle",
  slug: "slug",
  description: "description",
  teaser: "teaser",
  status: "status",
  seriesName: "series",
  seriesPosition: "series_position",
  categorySlugs: "categories",
  languages: "languages",
  contributors: "contributors",
  version: "version",
};

/** Each edition field's column (the export writes them, the import's errors are placed by them). */
const EDITION_FIELD_COLUMNS: Record<keyof EditionText, (typeof EDITION_COLUMNS)[number]> = {
  id: "edition_id",
  format: "format",
  formatLabel: "format_label",
  editionLabel: "edition_label",
  isbn: "isbn13",
  price: "price",
  currency: "currency",
  availability: "availability",
  publisher: "publisher",
  publicationDate: "publication_date",
  pageCount: "pages",
  fileSizeKb: "file_size_kb",
  textToSpeech: "text_to_speech",
  screenReader: "screen_reader",
  enhancedTypesetting: "enhanced_typesetting",
  wordWise: "word_wise",
};

/** Where a field path of the schema or the service ("editions.1.isbn") is in the file. */
export function issueAt(group: ListingGroup, path: string, message: string): CsvIssue {
  const [head = "", index, field] = path.split(".");
  if (head === "editions" && index !== undefined) {
    const line = group.editionLines[Number(index)] ?? group.firstLine;
    const column =
      field && Object.hasOwn(EDITION_FIELD_COLUMNS, field)
        ? EDITION_FIELD_COLUMNS[field as keyof EditionText]
        : null;
    return { line, column, message };
  }
  return { line: group.firstLine, column: FIELD_COLUMNS[head] ?? null, message };
}

function positiveInt(value: string): number | null {
  return /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

function editionInput(row: CsvRow, issues: CsvIssue[]) {
  const v = row.values;
  const at = (column: CsvColumn, message: string) => issues.push({ line: row.line, column, message });
  const cell = (column: CsvColumn) => v[column].trim();
  const id = cell("edition_id");
  if (id && positiveInt(id) === null)
    at("edition_id", "Use the edition id from the export, or leave it blank.");
  // Format, price and availability are the listing schema's to judge (the dry run reports its
  // messages at their columns); this only maps cells to the schema's input.
  const format = cell("format").toLowerCase();
  const availability = cell("availability").toLowerCase();
  const flag = (column: CsvColumn): boolean | null => {
    const text = cell(column).toLowerCase();
    if (!text) return null;
    const value = FLAG_VALUES[text];
    if (value === undefined) {
      at(column, `Use yes, no or leave it blank (not “${cell(column)}”).`);
      return null;
    }
    return value;
  };
  return {
    id: positiveInt(id),
    format: format as (typeof EDITION_FORMAT_VALUES)[number],
    formatLabel: cell("format_label"),
    editionLabel: cell("edition_label"),
    isbn: cell("isbn13"),
    price: cell("price"),
    currency: cell("currency") || undefined,
    availability: (availability || undefined) as (typeof AVAILABILITY_VALUES)[number] | undefined,
    publisher: cell("publisher"),
    publicationDate: cell("publication_date"),
    pageCount: cell("pages"),
    fileSizeKb: cell("file_size_kb"),
    textToSpeech: flag("text_to_speech"),
    screenReader: flag("screen_reader"),
    enhancedTypesetting: flag("enhanced_typesetting"),
    wordWise: flag("word_wise"),
  };
}

function bookInput(row: CsvRow, key: string, issues: CsvIssue[]): ListingGroup["input"] {
  const v = row.values;
  const at = (column: CsvColumn, message: string) => issues.push({ line: row.line, column, message });
  const status = v.status.trim().toLowerCase();
  const credits = parseContributors(v.contributors);
  if (!credits.ok) at("contributors", credits.message);
  return {
    title: v.title,
    subtitle: v.subtitle,
    slug: v.slug.trim() || key,
    description: v.description,
    teaser: v.teaser,
    status: (status || undefined) as (typeof BOOK_STATUSES)[number] | undefined,
    seriesName: v.series,
    seriesPosition: v.series_position,
    categorySlugs: splitList(v.categories),
    languages: splitList(v.languages),
    contributors: credits.ok ? credits.credits : [],
    editions: [],
  };
}

function hasEdition(row: CsvRow): boolean {
  return EDITION_COLUMNS.some((c) => row.values[c].trim() !== "");
}

/**
 * Groups rows into books by slug (a blank slug: the one the title gives) and builds each book's
 * listing input. Book columns repeat on every row of a book: a later row may leave them blank,
 * but may not say something else.
 */
export function groupListingRows(rows: CsvRow[]): { groups: ListingGroup[]; errors: CsvIssue[] } {
  const errors: CsvIssue[] = [];
  const groups = new Map<string, ListingGroup & { first: CsvRow }>();
  const bookIdLines = new Map<number, { key: string; line: number }>();
  for (const row of rows) {
    const v = row.values;
    const key = v.slug.trim() || slugify(v.title);
    if (!key) {
      errors.push({ line: row.line, column: "title", message: "Missing a required value." });
      continue;
    }
    let group = groups.get(key);
    if (!group) {
      const bookId = v.book_id.trim();
      const version = v.version.trim();
      if (bookId && positiveInt(bookId) === null) {
        errors.push({
          line: row.line,
          column: "book_id",
          message: "Use the book id from the export, or leave it blank.",
        });
      }
      if (version && positiveInt(version) === null) {
        errors.push({
          line: row.line,
          column: "version",
          message: "Use the version from the export, or leave it blank.",
        });
      }
      group = {
        key,
        first: row,
        firstLine: row.line,
        lines: [],
        bookId: positiveInt(bookId),
        version: positiveInt(version),
        editionLines: [],
        input: bookInput(row, key, errors),
      };
      if (!v.title.trim())
        errors.push({ line: row.line, column: "title", message: "Missing a required value." });
      if (group.bookId !== null) {
        const other = bookIdLines.get(group.bookId);
        if (other) {
          errors.push({
            line: row.line,
            column: "book_id",
            message: `Book ${group.bookId} is also on line ${other.line} under the slug “${other.key}”.`,
          });
        } else bookIdLines.set(group.bookId, { key, line: row.line });
      }
      groups.set(key, group);
    } else {
      for (const column of BOOK_COLUMNS) {
        const value = v[column].trim();
        if (value && value !== group.first.values[column].trim()) {
          errors.push({
            line: row.line,
            column,
            message: `Differs from line ${group.firstLine}, the book's first row: leave it blank or repeat the same value.`,
          });
        }
      }
    }
    group.lines.push(row.line);
    if (hasEdition(row)) {
      group.input.editions.push(editionInput(row, errors));
      group.editionLines.push(row.line);
    }
  }
  for (const group of groups.values()) {
    const bare = group.lines.filter((line) => !group.editionLines.includes(line));
    if (group.lines.length > 1) {
      for (const line of bare) {
        errors.push({
          line,
          column: null,
          message:
            "This row has no edition: each row of a book with several rows describes one of its editions.",
        });
      }
    }
  }
  return { groups: [...groups.values()].map(({ first: _first, ...group }) => group), errors };
}

/**
 * The listing schema over one group, its issues placed on the file's lines and columns.
 * `reported`: what the file checks already found on the group's lines (not repeated).
 */
export function validateGroup(
  group: ListingGroup,
  reported: CsvIssue[],
): { ok: true; data: ListingData } | { ok: false; errors: CsvIssue[] } {
  const parsed = listingSchema.safeParse(group.input);
  if (parsed.success && !reported.length) return { ok: true, data: parsed.data };
  const errors = parsed.success
    ? []
    : Object.entries(fieldErrorsFrom(parsed.error)).flatMap(([path, messages]) =>
        messages.map((message) => issueAt(group, path, message)),
      );
  const taken = new Set(reported.map((e) => `${e.line}|${e.column}`));
  return { ok: false, errors: errors.filter((e) => !taken.has(`${e.line}|${e.column}`)) };
}

// ---------------------------------------------------------------------------------------------
// Listings into rows (the export)

/** One row per edition (one row with blank edition cells for a book without editions). */
export function listingRows({ id, version, data }: StoredListing): string[][] {
  const text = bookText(data);
  const book: Record<(typeof BOOK_COLUMNS)[number], string> = {
    book_id: String(id),
    version: String(version),
    slug: text.slug,
    title: text.title,
    subtitle: text.subtitle,
    status: text.status,
    languages: data.languages.join(";"),
    categories: data.categorySlugs.join(";"),
    series: text.seriesName,
    series_position: text.seriesPosition,
    contributors: formatContributors(data.contributors),
    teaser: text.teaser,
    description: text.description,
  };
  const editions = data.editions.length ? data.editions : [null];
  return editions.map((e) => {
    const cells = e ? editionText(e) : null;
    const edition = Object.fromEntries(
      (Object.entries(EDITION_FIELD_COLUMNS) as [keyof EditionText, string][]).map(([field, column]) => [
        column,
        cells?.[field] ?? "",
      ]),
    ) as Record<(typeof EDITION_COLUMNS)[number], string>;
    const all: Record<CsvColumn, string> = { ...book, ...edition };
    return CSV_COLUMNS.map((c) => guardFormula(all[c]));
  });
}

/** CSV text for rows; the first chunk of a file carries the UTF-8 BOM and the header. */
export function csvChunk(rows: string[][], { first }: { first: boolean }): string {
  return stringify(first ? [[...CSV_COLUMNS], ...rows] : rows, {
    bom: first,
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
  });
}
