// The write API's side of the catalog: every operation is an edit of the whole listing through
// createListing/saveListing (same schema, revisions, audit and search refresh as the admin form).
// Partial updates are merged over the stored listing's input form, then validated as a whole.
import type { Prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { listingInputFrom, listingSchema } from "./schema";
import {
  createListing,
  getListingForEdit,
  saveListing,
  type ListingActor,
  type ListingForEdit,
  type SaveResult,
} from "./store";

export interface ApiWriteOptions {
  actor: ListingActor;
  /** The version the client read (If-Match); null: the current one (no precondition). */
  expectedVersion: number | null;
  auditDetails?: Prisma.InputJsonObject;
}

export interface ApiWriteResult {
  result: SaveResult;
  listing: ListingForEdit;
}

type JsonRecord = Record<string, unknown>;

/** The part of a JSON Schema (draft 2020-12, as zod writes it) that says which keys exist where. */
interface KeySchema {
  properties?: Record<string, KeySchema>;
  items?: KeySchema;
  anyOf?: KeySchema[];
}

const keySchemas = new WeakMap<z.ZodType, KeySchema>();

/** The schema's input side as JSON Schema, through zod's public converter (made once per schema). */
function keySchemaOf(schema: z.ZodType): KeySchema {
  let keys = keySchemas.get(schema);
  if (!keys) {
    keys = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as KeySchema;
    keySchemas.set(schema, keys);
  }
  return keys;
}

/** The branch of a (possibly nested) union that describes an object or an array like `value`. */
function branchFor(node: KeySchema, value: object): KeySchema | undefined {
  if (node.anyOf) {
    for (const branch of node.anyOf) {
      const match = branchFor(branch, value);
      if (match) return match;
    }
    return undefined;
  }
  return (Array.isArray(value) ? node.items : node.properties) ? node : undefined;
}

function unknownPaths(node: KeySchema | undefined, value: unknown, path: string[]): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path.join(".")] : [];
  if (!node || value === null || typeof value !== "object") return [];
  const branch = branchFor(node, value);
  if (!branch) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => unknownPaths(branch.items, item, [...path, String(i)]));
  }
  const properties = branch.properties ?? {};
  return Object.entries(value as JsonRecord).flatMap(([key, inner]) =>
    Object.hasOwn(properties, key)
      ? unknownPaths(properties[key], inner, [...path, key])
      : [[...path, key].join(".")],
  );
}

/**
 * Fields of `value` that `schema` does not know, as dotted paths ("editions.0.colour"), plus
 * strings PostgreSQL cannot store (NUL). The API refuses both rather than dropping them silently.
 */
export function unknownFields(schema: z.ZodType, value: unknown): string[] {
  return unknownPaths(keySchemaOf(schema), value, []);
}

const listingObject = listingSchema.in;
const editionSchema = listingObject.shape.editions.unwrap().element;

/** Refuses unknown fields with a validation error (422), named by path. */
export function assertKnownFields(schema: z.ZodType, value: unknown): void {
  const unknown = unknownFields(schema, value);
  if (unknown.length) {
    throw new AppError("validation", "The request has fields this API does not know.", {
      fields: Object.fromEntries(unknown.map((name) => [name || "body", ["Unknown field or invalid text."]])),
    });
  }
}

function asObject(value: unknown, what: string): JsonRecord {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("validation", `The body must be a JSON object (${what}).`, {
      fields: { body: ["Send a JSON object."] },
    });
  }
  return value as JsonRecord;
}

/** Any book by slug (every status: the API writes drafts and hidden books too). */
export async function findListingBySlug(db: Db, slug: string): Promise<ListingForEdit> {
  const row = await db.book.findUnique({ where: { slug }, select: { id: true } });
  const listing = row ? await getListingForEdit(db, row.id) : null;
  if (!listing) throw new AppError("not_found", `No book has the slug "${slug}".`);
  return listing;
}

async function save(
  db: Db,
  current: ListingForEdit,
  input: JsonRecord,
  options: ApiWriteOptions,
): Promise<ApiWriteResult> {
  const result = await saveListing(db, current.id, input, {
    actor: options.actor,
    expectedVersion: options.expectedVersion ?? current.version,
    source: "api",
    auditDetails: options.auditDetails,
  });
  const listing = await getListingForEdit(db, result.bookId);
  if (!listing) throw new AppError("not_found", "The book disappeared while saving.");
  return { result, listing };
}

export async function createListingFromApi(
  db: Db,
  body: unknown,
  options: Omit<ApiWriteOptions, "expectedVersion">,
): Promise<ApiWriteResult> {
  const input = asObject(body, "a listing");
  assertKnownFields(listingSchema, input);
  const result = await createListing(db, input, {
    actor: options.actor,
    source: "api",
    auditDetails: options.auditDetails,
  });
  const listing = await getListingForEdit(db, result.bookId);
  if (!listing) throw new AppError("not_found", "The book disappeared while saving.");
  return { result, listing };
}

/** A partial update: top-level fields of `body` replace the stored ones; arrays replace whole. */
export async function patchListingFromApi(
  db: Db,
  slug: string,
  body: unknown,
  options: ApiWriteOptions,
): Promise<ApiWriteResult> {
  const patch = asObject(body, "the fields to change");
  assertKnownFields(listingSchema, patch);
  const current = await findListingBySlug(db, slug);
  return save(db, current, { ...listingInputFrom(current.data), ...patch }, options);
}

/** Hides a book (status hidden). Books are never deleted: orders and links keep pointing at them. */
export async function hideListingFromApi(
  db: Db,
  slug: string,
  options: ApiWriteOptions,
): Promise<ApiWriteResult> {
  const current = await findListingBySlug(db, slug);
  return save(db, current, { ...listingInputFrom(current.data), status: "hidden" }, options);
}

export async function addEditionFromApi(
  db: Db,
  slug: string,
  body: unknown,
  options: ApiWriteOptions,
): Promise<ApiWriteResult & { editionId: number }> {
  const edition = asObject(body, "an edition");
  assertKnownFields(editionSchema, edition);
  if (edition.id !== undefined && edition.id !== null) {
    throw new AppError("validation", "A new edition has no id yet.", {
      fields: { id: ["Leave id out."] },
    });
  }
  const current = await findListingBySlug(db, slug);
  const input = listingInputFrom(current.data);
  const saved = await save(
    db,
    current,
    { ...input, editions: [...(input.editions as JsonRecord[]), edition] },
    options,
  );
  const before = new Set(current.data.editions.map((e) => e.id));
  const added = saved.listing.data.editions.find((e) => e.id != null && !before.has(e.id));
  return { ...saved, editionId: added?.id ?? 0 };
}

function editionIndex(current: ListingForEdit, editionId: number): number {
  const index = current.data.editions.findIndex((e) => e.id === editionId);
  if (index < 0) throw new AppError("not_found", `This book has no edition ${editionId}.`);
  return index;
}

export async function patchEditionFromApi(
  db: Db,
  slug: string,
  editionId: number,
  body: unknown,
  options: ApiWriteOptions,
): Promise<ApiWriteResult> {
  const patch = asObject(body, "the edition fields to change");
  assertKnownFields(editionSchema, patch);
  if (patch.id !== undefined && patch.id !== editionId) {
    throw new AppError("validation", "An edition's id cannot change.", {
      fields: { id: ["Leave id out."] },
    });
  }
  const current = await findListingBySlug(db, slug);
  const index = editionIndex(current, editionId);
  const editions = (listingInputFrom(current.data).editions as JsonRecord[]).map((e, i) =>
    i === index ? { ...e, ...patch, id: editionId } : e,
  );
  return save(db, current, { ...listingInputFrom(current.data), editions }, options);
}

/** Removes an edition; refused (422) when it has orders: mark it discontinued instead. */
export async function removeEditionFromApi(
  db: Db,
  slug: string,
  editionId: number,
  options: ApiWriteOptions,
): Promise<ApiWriteResult> {
  const current = await findListingBySlug(db, slug);
  const index = editionIndex(current, editionId);
  const input = listingInputFrom(current.data);
  const editions = (input.editions as JsonRecord[]).filter((_, i) => i !== index);
  return save(db, current, { ...input, editions }, options);
}
