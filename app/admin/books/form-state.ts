import type { ChangeRow, ListingFormValues } from "@/lib/catalog/listings/model";

/** What the listing form shows after a submission that did not save (a save redirects). */
export interface ListingFormState {
  /** Bumped on every answer so the fields re-mount with the values below. */
  seq: number;
  values: ListingFormValues;
  fieldErrors: Record<string, string[]>;
  message: string | null;
  /** `rows`: the saved values ("from") against the ones submitted ("to"). */
  conflict: { message: string; latestVersion: number; rows: ChangeRow[] } | null;
}
