// The listing's pure side, for the admin's forms and server actions (client components included):
// the form's values and their mapping to the schema's input, labels and change rows. No database,
// and no zod (its parsers use eval, which the admin's Content-Security-Policy refuses in the
// browser): the schema and the reads and writes are in ./service.ts.
export { describeChanges, diffSnapshots, type ChangeRow } from "./diff";
export {
  categoryChoice,
  EMPTY_CONTRIBUTOR,
  EMPTY_EDITION,
  EMPTY_LISTING,
  fieldErrorsForForm,
  formValuesFrom,
  formValuesFromData,
  listingInputFromValues,
  type ListingFormValues,
} from "./form";
export {
  AVAILABILITY_LABELS,
  CONTRIBUTOR_LABELS,
  EDITION_LABELS,
  featureLabel,
  LISTING_LABELS,
  STATUS_LABELS,
} from "./labels";
export type { ListingData, ListingInput } from "./schema";
