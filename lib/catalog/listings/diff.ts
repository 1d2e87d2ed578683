// Field-level differences between two listing snapshots: what a revision records and what the
// conflict view shows. Nested objects and rows flatten to paths ("editions.0.priceMinor");
// lists of plain values (languages, categories) compare as one field.
import {
  AVAILABILITY_LABELS,
  CONTRIBUTOR_LABELS,
  EDITION_LABELS,
  featureLabel,
  LISTING_LABELS,
  STATUS_LABELS,
} from "./labels";
import { formatMoney } from "../shared/money";
import { LEGACY_EDITION_KEYS } from "./legacy-keys";
import { CONTRIBUTOR_ROLES, EDITION_FORMATS } from "../shared/vocabulary";

export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

// An empty list emits no path (as if missing), so [] -> [{...}] reads as rows added.
function isPlainList(value: unknown[]): boolean {
  return value.length > 0 && value.every((item) => item === null || typeof item !== "object");
}

/** { a: { b: 1 }, rows: [{ x: 1 }], tags: ["a"] } -> { "a.b": 1, "rows.0.x": 1, tags: ["a"] } */
export function flattenSnapshot(value: unknown, prefix = "", out: Record<string, unknown> = {}) {
  if (Array.isArray(value) && value.length === 0) {
    return out;
  } else if (Array.isArray(value) && !isPlainList(value)) {
    value.forEach((item, index) => flattenSnapshot(item, prefix ? `${prefix}.${index}` : String(index), out));
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      flattenSnapshot(item, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) {
    out[prefix] = value === undefined ? null : value;
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Every path whose value differs; a path missing on one side is null there. */
export function diffSnapshots(before: unknown, after: unknown): FieldDiff {
  const from = before == null ? {} : flattenSnapshot(before);
  const to = flattenSnapshot(after);
  const diff: FieldDiff = {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  for (const key of keys) {
    if (!same(from[key], to[key])) diff[key] = { from: from[key] ?? null, to: to[key] ?? null };
  }
  return diff;
}

/** A diff value as the history and conflict views show it ("—" for nothing). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map((v) => displayValue(v)).join(", ");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** One changed field as the history and the conflict view show it. */
export interface ChangeRow {
  /** The diff's path ("editions.0.priceMinor"), a stable key. */
  path: string;
  /** The form's names: "Edition 1 · Price". */
  label: string;
  from: string;
  to: string;
}

export interface ChangeContext {
  /** Category names by slug, as the form lists them; a slug without one is shown as it is. */
  categoryNames?: ReadonlyMap<string, string>;
  /** Each side's editions' currencies in edition order, for the prices: the diff has only what changed. */
  currencies?: { from?: readonly string[]; to?: readonly string[] };
}

type Side = "from" | "to";

const FLAG_FIELDS = { textToSpeech: true, screenReader: true, enhancedTypesetting: true, wordWise: true };

const lookup = (labels: Record<string, string>, value: unknown): string =>
  typeof value === "string" ? (labels[value] ?? value) : displayValue(value);

function editionValue(field: string, value: unknown, currency: string): string {
  if (field in FLAG_FIELDS) return typeof value === "boolean" || value === null ? featureLabel(value) : "—";
  if (value === null || value === undefined || value === "") return "—";
  switch (field) {
    case "priceMinor":
      return typeof value === "number" && Number.isInteger(value) ? formatMoney(value, currency) : "—";
    case "format":
      return typeof value === "string" && value in EDITION_FORMATS
        ? EDITION_FORMATS[value as keyof typeof EDITION_FORMATS].label
        : displayValue(value);
    case "availability":
      return lookup(AVAILABILITY_LABELS, value);
    default:
      return displayValue(value);
  }
}

/**
 * A diff as people read it: the form's labels, prices as money in their currency, choices by
 * their names, categories by name in their order. Internal fields (edition ids) are left out;
 * a path the form does not know keeps its path as the label.
 */
export function describeChanges(diff: FieldDiff, context: ChangeContext = {}): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const [path, change] of Object.entries(diff)) {
    const [head, index, savedField] = path.split(".");
    const field =
      head === "editions" && savedField !== undefined && Object.hasOwn(LEGACY_EDITION_KEYS, savedField)
        ? LEGACY_EDITION_KEYS[savedField]
        : savedField;
    const row = (label: string, show: (value: unknown, side: Side) => string) =>
      rows.push({ path, label, from: show(change.from, "from"), to: show(change.to, "to") });
    if (head === "editions" && index !== undefined && field !== undefined && field in EDITION_LABELS) {
      const n = Number(index);
      const currencyOf = (side: Side): string => {
        const changed = diff[`editions.${n}.currency`]?.[side];
        if (typeof changed === "string") return changed;
        const other: Side = side === "from" ? "to" : "from";
        return context.currencies?.[side]?.[n] ?? context.currencies?.[other]?.[n] ?? "USD";
      };
      // Every edition has a format: where it changes from or to nothing, the edition was added or removed.
      const exists = (side: Side) => diff[`editions.${n}.format`]?.[side] !== null;
      row(`Edition ${n + 1} · ${EDITION_LABELS[field as keyof typeof EDITION_LABELS]}`, (value, side) =>
        exists(side) ? editionValue(field, value, currencyOf(side)) : "—",
      );
    } else if (head === "editions" && field === "id") {
      continue;
    } else if (
      head === "contributors" &&
      index !== undefined &&
      field !== undefined &&
      field in CONTRIBUTOR_LABELS
    ) {
      const label = CONTRIBUTOR_LABELS[field as keyof typeof CONTRIBUTOR_LABELS];
      row(`Contributor ${Number(index) + 1} · ${label}`, (value) =>
        field === "role" && typeof value === "string" && value in CONTRIBUTOR_ROLES
          ? CONTRIBUTOR_ROLES[value as keyof typeof CONTRIBUTOR_ROLES].label
          : displayValue(value),
      );
    } else if (path === "status") {
      row(LISTING_LABELS.status, (value) => lookup(STATUS_LABELS, value));
    } else if (path === "categorySlugs") {
      row(LISTING_LABELS.categorySlugs, (value) =>
        Array.isArray(value) && value.length
          ? value.map((slug) => context.categoryNames?.get(String(slug)) ?? String(slug)).join(", ")
          : "—",
      );
    } else if (path in LISTING_LABELS) {
      row(LISTING_LABELS[path as keyof typeof LISTING_LABELS], displayValue);
    } else {
      row(path, displayValue);
    }
  }
  return rows;
}
