import type { ListingFormValues } from "@/lib/catalog/listing-form";

export interface ConflictRow {
  field: string;
  saved: string;
  mine: string;
}

/** What the listing form shows after a submission that did not save (a save redirects). */
export interface ListingFormState {
  /** Bumped on every answer so the fields re-mount with the values below. */
  seq: number;
  values: ListingFormValues;
  fieldErrors: Record<string, string[]>;
  message: string | null;
  conflict: { message: string; latestVersion: number; rows: ConflictRow[] } | null;
}
