"use server";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import {
  describeChanges,
  diffSnapshots,
  categoryChoice,
  EMPTY_CONTRIBUTOR,
  EMPTY_EDITION,
  fieldErrorsForForm,
  formValuesFrom,
  listingInputFromValues,
} from "@/lib/catalog/listings/model";
import {
  listingSchema,
  createListingAsStaff,
  getListingForEdit,
  getListingOptions,
  restoreRevisionAsStaff,
  saveListingAsStaff,
  StaleVersionError,
  type SaveResult,
} from "@/lib/catalog/listings/service";
import { AppError } from "@/lib/errors";
import { repeatedField, textField } from "@/lib/form-data";
import type { ListingFormState } from "./form-state";

const BOOKS = "/admin/books";

/**
 * Whether the post has the fields the listing form always sends: which book ("new" or its id),
 * the version an edit started from, and every edition row's id ("" for a new row). Without them a
 * post would mean something else (a new book, or an edition removed and added again).
 */
function isWholeListingPost(formData: FormData, rawBookId: string, bookId: number | null): boolean {
  if (rawBookId !== "new" && bookId === null) return false;
  if (bookId !== null && !formData.has("version")) return false;
  const rows = new Set<string>();
  for (const key of formData.keys()) {
    const row = /^editions\.(\d+)\./.exec(key)?.[1];
    if (row !== undefined) rows.add(row);
  }
  return [...rows].every((row) => formData.has(`editions.${row}.id`));
}

function positiveInt(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

// Creates or saves a listing. Errors come back as the form's state (with what was typed), which
// a plain <form action> re-renders without JavaScript too; a save redirects to the saved listing.
export async function saveListingAction(
  previous: ListingFormState | null,
  formData: FormData,
): Promise<ListingFormState> {
  const rawBookId = textField(formData, "bookId");
  const bookId = rawBookId === "new" ? null : positiveInt(rawBookId);
  const staff = await requireStaff("editor", {
    next: bookId ? `${BOOKS}/${bookId}` : `${BOOKS}/new`,
    mutation: true,
  });
  // The order the book's categories are stored in: ticked ones keep it (categoryChoice).
  const storedCategories = bookId ? ((await getListingForEdit(bookId))?.data.categorySlugs ?? []) : [];
  const values = formValuesFrom(formData, storedCategories);
  const seq = (previous?.seq ?? 0) + 1;
  if (repeatedField(formData, ["categorySlugs"]) || !isWholeListingPost(formData, rawBookId, bookId)) {
    return {
      seq,
      values,
      fieldErrors: {},
      message: "That request was not understood; nothing was saved.",
      conflict: null,
    };
  }
  const answer = (rest: Partial<ListingFormState> = {}): ListingFormState => ({
    seq,
    values,
    fieldErrors: {},
    message: null,
    conflict: null,
    ...rest,
  });

  // "Add another row" buttons: re-render with a spare row, save nothing.
  const intent = textField(formData, "intent");
  if (intent === "add-contributor") {
    values.contributors.push({ ...EMPTY_CONTRIBUTOR, position: String(values.contributors.length + 1) });
    return answer();
  }
  if (intent === "add-edition") {
    values.editions.push({ ...EMPTY_EDITION });
    return answer();
  }

  if (categoryChoice(formData, storedCategories).mainUnticked) {
    const message = "The main category must be one of the ticked categories: tick it too, or choose another.";
    return answer({
      message: "Nothing was saved: check the categories.",
      fieldErrors: { categorySlugs: [message] },
    });
  }

  const input = listingInputFromValues(values);
  const actor = { id: staff.id, ip: await requestIp() };
  let result: SaveResult;
  try {
    if (bookId) {
      const version =
        positiveInt(textField(formData, "overrideVersion") || textField(formData, "version")) ?? 0;
      result = await saveListingAsStaff(actor, bookId, input, version);
    } else {
      result = await createListingAsStaff(actor, input);
    }
  } catch (error) {
    if (error instanceof StaleVersionError) {
      const mine = listingSchema.safeParse(input);
      const diff = diffSnapshots(error.current, mine.success ? mine.data : {});
      const { categories } = await getListingOptions();
      const rows = describeChanges(diff, {
        categoryNames: new Map(categories.map((c) => [c.slug, c.name])),
        currencies: {
          from: error.current.editions.map((e) => e.currency),
          to: mine.success ? mine.data.editions.map((e) => e.currency) : [],
        },
      });
      return answer({
        message: error.message,
        conflict: { message: error.message, latestVersion: error.currentVersion, rows },
      });
    }
    if (error instanceof AppError) {
      return answer({
        message: error.message,
        fieldErrors: fieldErrorsForForm(error.details.fields ?? {}, values),
      });
    }
    throw error;
  }
  redirect(`${BOOKS}/${result.bookId}?${result.changed ? "saved" : "unchanged"}=${result.version}`);
}

// Restores an older revision as a new save (version check included).
export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const bookId = positiveInt(textField(formData, "bookId")) ?? 0;
  const history = `${BOOKS}/${bookId}/history`;
  const staff = await requireStaff("editor", { next: history, mutation: true });
  if (repeatedField(formData)) redirect(`${history}?error=bad_request`);
  const revisionId = positiveInt(textField(formData, "revisionId")) ?? 0;
  const version = positiveInt(textField(formData, "version")) ?? 0;
  let result: SaveResult;
  try {
    result = await restoreRevisionAsStaff(
      { id: staff.id, ip: await requestIp() },
      bookId,
      revisionId,
      version,
    );
  } catch (error) {
    if (error instanceof AppError) redirect(`${history}?${new URLSearchParams({ error: error.code })}`);
    throw error;
  }
  redirect(`${history}?${result.changed ? "restored" : "unchanged"}=${result.version}`);
}
