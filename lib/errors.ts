// The one application error type, thrown by every service (catalog, checkout, auth): a code from
// one vocabulary, a message fit to show, and details. ERROR_STATUS is the one code -> HTTP status
// map (lib/api/problem.ts answers with it); database errors become AppErrors here, in one place.
// Nothing throws plain objects or strings.
export type AppErrorCode =
  | "validation" // input failed its schema: field messages in details.fields
  | "not_found"
  | "unique_violation" // a unique key is taken (details.target names it)
  | "email_taken" // a staff account already has this email
  | "stale_version" // optimistic concurrency (the API answers 412 to a stale If-Match)
  | "conflict" // any other state conflict
  | "self_change" // an admin may not demote or disable themself
  | "rate_limited" // too many requests (details.retryAfterSeconds)
  | "invalid_signature" // a webhook delivery that is not signed by the payment provider
  | "import_row_refused"; // the writer refused a CSV row while applying (details.line, .slug; cause)

export const ERROR_STATUS: Record<AppErrorCode, number> = {
  validation: 422,
  not_found: 404,
  unique_violation: 409,
  email_taken: 409,
  stale_version: 409,
  conflict: 409,
  self_change: 409,
  rate_limited: 429,
  invalid_signature: 400,
  import_row_refused: 422,
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: {
      fields?: FieldErrors;
      target?: string[];
      retryAfterSeconds?: number;
      line?: number;
      slug?: string;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

/**
 * A schema's issues as messages per field, named as dotted paths ("editions.0.isbn"): the names the
 * forms' inputs use and the API's `errors[].name` (docs/api.md). "form" for the input as a whole.
 */
export function fieldErrorsFrom(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
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

/** Prisma's unique violation (P2002), as the driver adapters report it. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as PrismaLikeError | null)?.code === "P2002";
}

/** Turns Prisma's known request errors into AppErrors; passes anything else through. */
export function fromDatabaseError(error: unknown): unknown {
  const e = error as PrismaLikeError;
  if (e?.name !== "PrismaClientKnownRequestError") return error;
  if (isUniqueViolation(e)) {
    const target = uniqueTarget(e.meta);
    return new AppError(
      "unique_violation",
      target.length
        ? `Another record already uses this ${target.join(", ")}.`
        : "A record with this key already exists.",
      { target },
    );
  }
  if (e.code === "P2025") return new AppError("not_found", "The record does not exist.");
  return error;
}
