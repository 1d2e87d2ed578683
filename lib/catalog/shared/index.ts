// What every catalog domain and its callers share: the view types, money, the trade's vocabulary,
// slugs and the catalog's error type. Pure code, no database.
export type * from "./types";
export { CatalogError, type CatalogErrorCode, type FieldErrors } from "../../errors";
export { formatMoney, toDecimalString } from "./money";
export { isValidSlug } from "./slug";
export { CONTRIBUTOR_ROLES, EDITION_FORMATS, formatName } from "./vocabulary";
