// Typed errors for every service module. One function elsewhere (the API's problem mapper and the
// page helpers) turns a code into a status; nothing throws plain objects or strings.
export type CatalogErrorCode =
  | "validation" // input failed its schema: 422 with field messages
  | "not_found" // 404
  | "unique_violation" // a unique key is taken: 409
  | "stale_version" // optimistic concurrency: 409 (412 for If-Match)
  | "conflict" // any other state conflict: 409
  | "rate_limited"; // too many requests: 429 (details.retryAfterSeconds)

export type FieldErrors = Record<string, string[]>;

export class CatalogError extends Error {
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
    readonly details: { fields?: FieldErrors; target?: string[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "CatalogError";
  }
}

interface PrismaLikeError {
  name?: string;
  code?: string;
  meta?: {
    target?: unknown;
    modelName?: string;
    driverAdapterError?: { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } };
  };
}

// Driver adapters report the violated constraint as fields (PGlite) or as the index name
// (adapter-pg), which Prisma names "<Model>_<field>[_<field>]_key".
function uniqueTarget(meta: PrismaLikeError["meta"]): string[] {
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  if (typeof meta?.target === "string") return [meta.target];
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields;
  const index = cause?.constraint?.index;
  const table = cause?.table ?? meta?.modelName;
  if (index && table && index.startsWith(`${table}_`) && index.endsWith("_key")) {
    return [index.slice(table.length + 1, -"_key".length)];
  }
  return [];
}

/** Turns Prisma's known request errors into CatalogErrors; passes anything else through. */
export function toCatalogError(error: unknown): unknown {
  const e = error as PrismaLikeError;
  if (e?.name !== "PrismaClientKnownRequestError") return error;
  if (e.code === "P2002") {
    const target = uniqueTarget(e.meta);
    return new CatalogError(
      "unique_violation",
      target.length
        ? `Another record already uses this ${target.join(", ")}.`
        : "A record with this key already exists.",
      { target },
    );
  }
  if (e.code === "P2025") return new CatalogError("not_found", "The record does not exist.");
  return error;
}
