// Field-level differences between two listing snapshots: what a revision records and what the
// conflict view shows. Nested objects and rows flatten to paths ("editions.0.priceCents");
// lists of plain values (languages, categories) compare as one field.
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
