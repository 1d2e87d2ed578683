// The three inputs of a listing (the admin form, the write API, a CSV file), each taken from stored
// data to its input and back through the listing schema: the pairs of functions that invert the
// schema, as the round-trip tests drive them.
import { z } from "zod";
import { listingInputFrom, listingSchema, type ListingData } from "@/lib/catalog/listings/schema";
import { formValuesFromData, listingInputFromValues } from "@/lib/catalog/listings/form";
import {
  csvChunk,
  groupListingRows,
  listingRows,
  parseListingsCsv,
  validateGroup,
} from "@/lib/catalog/exchange/csv";

export interface RoundTrip {
  /** The schema's input as this input's mapping builds it from stored data. */
  input: unknown;
  /** That input parsed by the listing schema again (or its errors). */
  parsed: { ok: true; data: ListingData } | { ok: false; errors: unknown };
}

const parse = (input: unknown): RoundTrip["parsed"] => {
  const result = listingSchema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: result.error.issues };
};

export const ROUND_TRIPS: Record<"form" | "api" | "csv", (data: ListingData) => RoundTrip> = {
  form: (data) => {
    const input = listingInputFromValues(formValuesFromData(data));
    return { input, parsed: parse(input) };
  },
  // What a client reads back and sends again: JSON on the wire.
  api: (data) => {
    const input = JSON.parse(JSON.stringify(listingInputFrom(data))) as unknown;
    return { input, parsed: parse(input) };
  },
  csv: (data) => {
    const text = csvChunk(listingRows({ id: 1, version: 1, data }), { first: true });
    const read = parseListingsCsv(text);
    const { groups, errors } = groupListingRows(read.rows);
    const group = groups[0];
    if (!group || groups.length !== 1 || read.errors.length || errors.length) {
      return { input: group?.input, parsed: { ok: false, errors: [...read.errors, ...errors] } };
    }
    const validated = validateGroup(group, []);
    return {
      input: group.input,
      parsed: validated.ok ? { ok: true, data: validated.data } : { ok: false, errors: validated.errors },
    };
  },
};

/** The part of a JSON Schema (draft 2020-12, as zod writes it) that names keys. */
interface KeySchema {
  properties?: Record<string, KeySchema>;
  items?: KeySchema;
  anyOf?: KeySchema[];
}

/**
 * Every key path of the listing schema's input ("title", "editions.*.isbn"), read through zod's
 * public JSON Schema converter: a field added to the schema appears here without anyone listing it.
 */
export function schemaInputPaths(): string[] {
  const paths: string[] = [];
  const walk = (node: KeySchema, prefix: string) => {
    for (const branch of node.anyOf ?? []) walk(branch, prefix);
    if (node.items) walk(node.items, `${prefix}*.`);
    for (const [key, inner] of Object.entries(node.properties ?? {})) {
      paths.push(`${prefix}${key}`);
      walk(inner, `${prefix}${key}.`);
    }
  };
  walk(z.toJSONSchema(listingSchema, { io: "input", unrepresentable: "any" }) as KeySchema, "");
  return [...new Set(paths)];
}

/** The values at a path ("editions.*.isbn": one per row). */
export function valuesAt(value: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split(".");
  if (head === undefined) return [value];
  if (head === "*") {
    return Array.isArray(value) ? value.flatMap((item) => valuesAt(item, rest.join("."))) : [];
  }
  if (value === null || typeof value !== "object" || !Object.hasOwn(value, head)) return [];
  const inner = (value as Record<string, unknown>)[head];
  return rest.length ? valuesAt(inner, rest.join(".")) : [inner];
}
