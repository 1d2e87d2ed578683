// What every catalog domain and its callers share: the view types, money, the trade's vocabulary,
// and slugs (errors: lib/errors). Pure code, no database.
export type * from "./types";
export { formatMoney, toDecimalString } from "./money";
export { isValidSlug } from "./slug";
export { CONTRIBUTOR_ROLES, EDITION_FORMATS, formatName } from "./vocabulary";
