// Importing listings from CSV: the dry run (planImport) and the apply (applyPlan). The dry run
// runs every check a save makes, through checkListing, and writes nothing; the apply writes each
// changed book through createListing/saveListing on the transaction handle it is given, so a
// caller that wraps both in one transaction gets all-or-nothing (import-jobs.ts does).
import type { Prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { normalizeIsbn13 } from "../shared/isbn";
import {
  CSV_COLUMNS,
  groupListingRows,
  issueAt,
  parseListingsCsv,
  validateGroup,
  type CsvIssue,
  type ListingGroup,
} from "./csv";
import { diffSnapshots } from "../listings/diff";
import {
  checkListing,
  createListing,
  existingCategorySlugs,
  findBookIdsBySlug,
  getListings,
  saveListing,
  unknownCategoriesMessage,
  type ListingActor,
  type SaveResult,
} from "../listings/store";

/**
 * Rows one import takes. The apply is one transaction: about 40 ms a book on PostgreSQL on a
 * 2-core machine (docs/exchange.md), so 10,000 rows stay well inside its 15-minute limit.
 */
export const CSV_IMPORT_MAX_ROWS = 10_000;

export type PlannedAction = "create" | "update" | "unchanged";

interface PlannedListing {
  /** The book's first line in the file. */
  line: number;
  rows: number;
  slug: string;
  title: string;
  action: PlannedAction;
  bookId: number | null;
  /** The version the update starts from (optimistic concurrency, as in the editor). */
  expectedVersion: number | null;
  /** Changed fields ("editions.0.priceMinor"), for updates. */
  fields: string[];
  /** The schema's input, as createListing/saveListing take it. */
  input: ListingGroup["input"];
}

export interface ImportPlan {
  /** Data rows read (blank rows excluded). */
  totalRows: number;
  listings: PlannedListing[];
  /** Every problem found, in file order; a plan with any is not applied. */
  errors: CsvIssue[];
  counts: Record<PlannedAction, number>;
}

interface PlanOptions {
  /** Called after each chunk of books with the rows checked so far and the rows in the file. */
  onProgress?: (rowsChecked: number, totalRows: number) => Promise<void> | void;
  /** Books checked between two progress calls. */
  chunkSize?: number;
  maxRows?: number;
}

const COLUMN_ORDER = new Map(CSV_COLUMNS.map((c, i) => [c as string, i]));

function byPosition(a: CsvIssue, b: CsvIssue): number {
  const col = (e: CsvIssue) => (e.column === null ? -1 : (COLUMN_ORDER.get(e.column) ?? 0));
  return a.line - b.line || col(a) - col(b);
}

/** The same ISBN on two books of the file: the later line is the error. */
function duplicateIsbns(groups: ListingGroup[]): CsvIssue[] {
  const seen = new Map<string, { key: string; line: number }>();
  const errors: CsvIssue[] = [];
  for (const group of groups) {
    group.input.editions.forEach((edition, index) => {
      const isbn = typeof edition.isbn === "string" ? normalizeIsbn13(edition.isbn) : null;
      if (!isbn) return;
      const line = group.editionLines[index] ?? group.firstLine;
      const other = seen.get(isbn);
      if (other && other.key !== group.key) {
        errors.push({
          line,
          column: "isbn13",
          message: `ISBN also on line ${other.line}, an edition of “${other.key}”.`,
        });
      } else if (!other) seen.set(isbn, { key: group.key, line });
    });
  }
  return errors;
}

/**
 * The dry run: reads the file, checks every book as a save would, and says what applying it
 * would do. Reads only, through `db` (the apply passes its transaction handle).
 */
export async function planImport(db: Db, text: string, options: PlanOptions = {}): Promise<ImportPlan> {
  const chunkSize = options.chunkSize ?? 100;
  const parsed = parseListingsCsv(text);
  const maxRows = options.maxRows ?? CSV_IMPORT_MAX_ROWS;
  if (parsed.rows.length > maxRows) {
    const message = `The file has ${parsed.rows.length} rows; one import takes at most ${maxRows}. Split it into several files, keeping each book's rows together.`;
    return {
      totalRows: parsed.rows.length,
      listings: [],
      errors: [{ line: 1, column: null, message }],
      counts: { create: 0, update: 0, unchanged: 0 },
    };
  }
  const { groups, errors: groupErrors } = groupListingRows(parsed.rows);
  const errors: CsvIssue[] = [];
  const byLine = new Map<number, CsvIssue[]>();
  const fail = (issue: CsvIssue) => {
    errors.push(issue);
    byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue]);
  };
  [...parsed.errors, ...groupErrors, ...duplicateIsbns(groups)].forEach(fail);
  const listings: PlannedListing[] = [];
  const claimed = new Map<number, number>();
  let rowsChecked = 0;

  for (let start = 0; start < groups.length; start += chunkSize) {
    const chunk = groups.slice(start, start + chunkSize);
    const bySlug = await findBookIdsBySlug(
      db,
      chunk.filter((g) => g.bookId === null).map((g) => g.key),
    );
    const ids = chunk.map((g) => g.bookId ?? bySlug.get(g.key)).filter((id): id is number => !!id);
    const stored = await getListings(db, ids);
    // Unknown categories are reported even on a row with other mistakes (the save's own check
    // below runs only on rows that pass the schema).
    const categories = await existingCategorySlugs(db, [
      ...new Set(chunk.flatMap((g) => g.input.categorySlugs ?? [])),
    ]);

    for (const group of chunk) {
      rowsChecked += group.lines.length;
      const bookId = group.bookId ?? bySlug.get(group.key) ?? null;
      const current = bookId === null ? null : stored.get(bookId);
      if (group.bookId !== null && !current) {
        fail({
          line: group.firstLine,
          column: "book_id",
          message: `No book with id ${group.bookId} in the store.`,
        });
        continue;
      }
      if (bookId !== null) {
        const other = claimed.get(bookId);
        if (other !== undefined) {
          fail({
            line: group.firstLine,
            column: group.bookId !== null ? "book_id" : "slug",
            message: `The same book as line ${other}.`,
          });
          continue;
        }
        claimed.set(bookId, group.firstLine);
      }

      // Editions: an id must be one of this book's. A blank id takes the stored edition with the
      // same ISBN (another ISBN is another product: a new edition), and an edition without ISBN
      // the next stored one of the same format without ISBN, so a hand-made file keeps edition
      // ids (carts and orders point at them).
      const storedEditions = current?.data.editions ?? [];
      const used = new Set<number>();
      group.input.editions.forEach((edition, index) => {
        const line = group.editionLines[index] ?? group.firstLine;
        if (edition.id) {
          if (!storedEditions.some((e) => e.id === edition.id)) {
            fail({
              line,
              column: "edition_id",
              message: current
                ? `Edition ${edition.id} is not an edition of this book.`
                : `Edition ${edition.id} belongs to no book here: leave edition_id blank for a new book.`,
            });
          } else if (used.has(Number(edition.id))) {
            fail({
              line,
              column: "edition_id",
              message: `Edition ${edition.id} is on two rows of this book.`,
            });
          }
          used.add(Number(edition.id));
        }
      });
      group.input.editions.forEach((edition) => {
        if (edition.id) return;
        const typed = typeof edition.isbn === "string" ? edition.isbn.trim() : "";
        const isbn = typed ? normalizeIsbn13(typed) : null;
        if (typed && !isbn) return;
        const match = storedEditions.find(
          (e) =>
            e.id !== null &&
            !used.has(e.id) &&
            (isbn ? e.isbn13 === isbn : e.isbn13 === null && e.format === edition.format),
        );
        if (match?.id) {
          edition.id = match.id;
          used.add(match.id);
        }
      });

      const unknown = [...new Set(group.input.categorySlugs)].filter((slug) => !categories.has(slug));
      if (unknown.length) {
        fail({ line: group.firstLine, column: "categories", message: unknownCategoriesMessage(unknown) });
      }

      const checked = validateGroup(
        group,
        group.lines.flatMap((line) => byLine.get(line) ?? []),
      );
      if (!checked.ok) {
        checked.errors.forEach(fail);
        continue;
      }

      const result = await checkListing(db, group.input, bookId);
      if (!result.ok) {
        for (const [path, messages] of Object.entries(result.fields)) {
          for (const message of messages) fail(issueAt(group, path, message));
        }
        continue;
      }
      let action: PlannedAction = "create";
      let fields: string[] = [];
      if (current) {
        fields = Object.keys(diffSnapshots(current.data, result.data));
        action = fields.length ? "update" : "unchanged";
        if (action === "update" && group.version !== null && group.version !== current.version) {
          fail({
            line: group.firstLine,
            column: "version",
            message: `This book changed after the file was exported (version ${group.version} then, ${current.version} now): export again and redo the edit.`,
          });
          continue;
        }
      }
      listings.push({
        line: group.firstLine,
        rows: group.lines.length,
        slug: result.data.slug,
        title: result.data.title,
        action,
        bookId,
        expectedVersion: current?.version ?? null,
        fields,
        input: group.input,
      });
    }
    await options.onProgress?.(rowsChecked, parsed.rows.length);
  }

  errors.sort(byPosition);
  const counts: Record<PlannedAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const listing of listings) counts[listing.action]++;
  return { totalRows: parsed.rows.length, listings, errors, counts };
}

interface ApplyOptions {
  actor: ListingActor;
  /** Recorded with each listing's audit entry. */
  auditDetails?: Prisma.InputJsonObject;
  /** Called now and then with the rows written so far. */
  onProgress?: (rowsApplied: number) => Promise<void> | void;
  progressEvery?: number;
}

/**
 * Writes every created or updated listing of a plan without errors, in file order, through the
 * one listing writer (a revision with source "import" and an audit entry each). Pass the
 * transaction handle: the first failure throws and the caller's transaction undoes the others.
 */
export async function applyPlan(tx: Db, plan: ImportPlan, options: ApplyOptions): Promise<SaveResult[]> {
  if (plan.errors.length) throw new Error("An import plan with errors cannot be applied.");
  const results: SaveResult[] = [];
  const every = options.progressEvery ?? 50;
  let rowsApplied = 0;
  let sinceProgress = 0;
  for (const listing of plan.listings) {
    rowsApplied += listing.rows;
    if (listing.action === "unchanged") continue;
    const save = { actor: options.actor, source: "import" as const, auditDetails: options.auditDetails };
    try {
      results.push(
        listing.action === "create" || listing.bookId === null
          ? await createListing(tx, listing.input, save)
          : await saveListing(tx, listing.bookId, listing.input, {
              ...save,
              expectedVersion: listing.expectedVersion ?? undefined,
            }),
      );
    } catch (error) {
      // The writer's own error is the cause; the caller rolls back and tells staff which line.
      throw new AppError(
        "import_row_refused",
        `Line ${listing.line} (${listing.slug}) could not be saved.`,
        { line: listing.line, slug: listing.slug },
        { cause: error },
      );
    }
    if (++sinceProgress >= every) {
      sinceProgress = 0;
      await options.onProgress?.(rowsApplied);
    }
  }
  await options.onProgress?.(rowsApplied);
  return results;
}
