// The write API's part of the OpenAPI document: bearer security, request bodies generated from
// the listing schema's input side, and every response a write can give.
import { z } from "zod";
import { MAX_BODY_BYTES } from "./write-limits";
import { apiInputRegistry } from "./schemas";

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const problem = (description: string, headers?: Json) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
  ...(headers ? { headers } : {}),
});

/** Input-side JSON Schemas (ListingInput, EditionInput); objects refuse unknown properties. */
export function inputComponents(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiInputRegistry, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const closeObjects = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(closeObjects);
    if (!node || typeof node !== "object") return;
    const obj = node as Json;
    if (obj.type === "object" && obj.properties) obj.additionalProperties = false;
    Object.values(obj).forEach(closeObjects);
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema;
      closeObjects(rest);
      return [id, rest];
    }),
  );
}

export const securitySchemes = {
  bearer: {
    type: "http",
    scheme: "bearer",
    description: "An API token (`qb_…`) created by an admin at /admin/tokens, with the catalog:write scope.",
  },
};

const security = [{ bearer: [] }];
const body = (schemaId: string, description: string) => ({
  required: true,
  description: `${description} Content-Type must be application/json; at most ${MAX_BODY_BYTES} bytes.`,
  content: { "application/json": { schema: ref(schemaId) } },
});
const patchBody = (schemaId: string, description: string) => ({
  ...body(schemaId, description),
  content: {
    "application/json": {
      schema: { $ref: `#/components/schemas/${schemaId}`, description: "Any subset of the fields." },
    },
  },
});
const ifMatch = (required: boolean) => ({
  name: "If-Match",
  in: "header",
  required,
  schema: { type: "string", pattern: '^(W/)?"v\\d+-[^"]*"$' },
  description: 'The ETag of GET /books/{slug} or of the last write\'s response, e.g. "v3-…".',
});
const slugParam = {
  name: "slug",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
  description: "The book's URL slug (any status).",
};
const editionIdParam = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1 },
  description: "The edition's id.",
};
const written = (description: string, location = false) => ({
  description,
  headers: {
    ETag: {
      description: "The new version's ETag: send it as If-Match next time.",
      schema: { type: "string" },
    },
    ...(location ? { Location: { description: "The new resource.", schema: { type: "string" } } } : {}),
  },
  content: { "application/json": { schema: ref("Listing") } },
});

const errors = (conditional: boolean, hasBody: boolean) => ({
  ...(hasBody ? { "400": problem("The body is not valid JSON.") } : {}),
  "401": problem("No token, or an unknown or revoked one, or one whose creator's account is disabled.", {
    "WWW-Authenticate": { description: "Bearer challenge.", schema: { type: "string" } },
  }),
  "403": problem("The token lacks the catalog:write scope."),
  "404": problem("No book (or edition) has this slug (or id)."),
  ...(conditional ? { "412": problem("If-Match names an older version: nothing was changed.") } : {}),
  ...(hasBody
    ? {
        "413": problem(`The body is larger than ${MAX_BODY_BYTES} bytes.`),
        "415": problem("The body is not application/json."),
      }
    : {}),
  "422": problem("The listing is not valid, or has unknown fields: `errors` names each field by path."),
  "429": problem("More than the token's writes per minute.", {
    "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer" } },
  }),
  "500": problem("Unexpected error; `instance` identifies the request in the logs."),
});

/** Operations to add to the document's paths, keyed by path then method. */
export function writeOperations(): Record<string, Record<string, Json>> {
  return {
    "/books": {
      post: {
        operationId: "createBook",
        security,
        tags: ["Books"],
        summary: "Create a listing (any status)",
        requestBody: body("ListingInput", "The listing."),
        responses: { "201": written("Created.", true), ...errors(false, true) },
      },
    },
    "/books/{slug}": {
      patch: {
        operationId: "updateBook",
        security,
        tags: ["Books"],
        summary: "Change some fields of a listing",
        description:
          "Top-level fields replace the stored ones (arrays as a whole); the result is validated as a whole.",
        parameters: [slugParam, ifMatch(true)],
        requestBody: patchBody("ListingInput", "The fields to change."),
        responses: {
          "200": written("Saved."),
          ...errors(true, true),
          "428": problem("If-Match is missing."),
        },
      },
      delete: {
        operationId: "hideBook",
        security,
        tags: ["Books"],
        summary: "Hide a book (books are never deleted)",
        parameters: [slugParam, ifMatch(false)],
        responses: { "200": written("Hidden."), ...errors(true, false) },
      },
    },
    "/books/{slug}/editions": {
      post: {
        operationId: "createEdition",
        security,
        tags: ["Books"],
        summary: "Add an edition",
        parameters: [slugParam, ifMatch(false)],
        requestBody: body("EditionInput", "The edition."),
        responses: { "201": written("Added.", true), ...errors(true, true) },
      },
    },
    "/books/{slug}/editions/{id}": {
      patch: {
        operationId: "updateEdition",
        security,
        tags: ["Books"],
        summary: "Change some fields of an edition",
        parameters: [slugParam, editionIdParam, ifMatch(true)],
        requestBody: patchBody("EditionInput", "The fields to change."),
        responses: {
          "200": written("Saved."),
          ...errors(true, true),
          "428": problem("If-Match is missing."),
        },
      },
      delete: {
        operationId: "deleteEdition",
        security,
        tags: ["Books"],
        summary: "Remove an edition that has no orders",
        parameters: [slugParam, editionIdParam, ifMatch(false)],
        responses: { "200": written("Removed."), ...errors(true, false) },
      },
    },
  };
}

/** The read paths with the write operations added beside them. */
export function withWriteOperations(paths: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...paths };
  for (const [path, operations] of Object.entries(writeOperations())) {
    out[path] = { ...(out[path] ?? {}), ...operations };
  }
  return out;
}
