// RFC 9457 problem details: the one shape every API error takes (the one formatter), with each
// application error's status from lib/errors. Unknown errors answer a fixed message with no internals.
import { AppError, fromDatabaseError, type AppErrorCode } from "@/lib/errors";
import { isDatabaseUnreachableError, RETRY_AFTER_SECONDS } from "@/lib/db/availability.mjs";
import { log } from "@/lib/log";

/** Stable problem types, documented in docs/api.md and the OpenAPI document. */
export const PROBLEM_TYPES = {
  validation: { status: 400, title: "Your request has invalid parameters." },
  unprocessable: { status: 422, title: "The submitted data is not valid." },
  not_found: { status: 404, title: "Not found." },
  conflict: { status: 409, title: "The request conflicts with the current state." },
  stale_version: { status: 409, title: "The resource changed since you read it." },
  unique_violation: { status: 409, title: "A resource with this key already exists." },
  rate_limited: { status: 429, title: "Too many requests." },
  uri_too_long: { status: 414, title: "The request URI is too long." },
  method_not_allowed: { status: 405, title: "Method not allowed." },
  unauthorized: { status: 401, title: "Authentication required." },
  forbidden: { status: 403, title: "You may not do this." },
  precondition_failed: { status: 412, title: "The resource changed since you read it." },
  precondition_required: { status: 428, title: "This request must be conditional." },
  request_timeout: { status: 408, title: "The request body did not arrive in time." },
  payload_too_large: { status: 413, title: "The request body is too large." },
  unsupported_media_type: { status: 415, title: "The request body must be application/json." },
  unavailable: { status: 503, title: "The service is unavailable." },
  internal: { status: 500, title: "An unexpected error occurred." },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export interface ProblemFieldError {
  /** The query parameter, or the body field as a dotted path ("editions.0.isbn"; docs/api.md). */
  name: string;
  reason: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemTypeUri(type: ProblemType): string {
  return `/problems/${type.replace(/_/g, "-")}`;
}

export function problem(
  type: ProblemType,
  {
    detail,
    errors,
    requestId,
    headers,
  }: { detail?: string; errors?: ProblemFieldError[]; requestId?: string | null; headers?: HeadersInit } = {},
): Response {
  const { status, title } = PROBLEM_TYPES[type];
  const body: ProblemBody = {
    type: problemTypeUri(type),
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(requestId ? { instance: `urn:request:${requestId}` } : {}),
    ...(errors?.length ? { errors } : {}),
  };
  const h = new Headers(headers);
  h.set("content-type", PROBLEM_CONTENT_TYPE);
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: h });
}

/**
 * The problem type an application error answers with: its status is ERROR_STATUS's (a unit test
 * holds PROBLEM_TYPES to it). "validation" here is the query's 400; a body that fails its schema
 * is "unprocessable" (422).
 */
export function problemTypeOf(code: AppErrorCode): ProblemType {
  switch (code) {
    case "validation":
      return "unprocessable";
    case "email_taken":
      return "unique_violation";
    case "invalid_signature":
      return "validation";
    case "import_row_refused":
      return "unprocessable";
    case "self_change":
      return "conflict";
    default:
      return code;
  }
}

/** Any thrown value as a problem response. AppErrors keep their message; others say nothing. */
export function errorToProblem(error: unknown, requestId: string | null): Response {
  const known = fromDatabaseError(error);
  if (known instanceof AppError) {
    const fieldErrors = Object.entries(known.details.fields ?? {}).flatMap(([name, reasons]) =>
      reasons.map((reason) => ({ name, reason })),
    );
    const type = problemTypeOf(known.code);
    const retryAfter = known.details.retryAfterSeconds;
    return problem(type, {
      detail: known.message,
      errors: fieldErrors,
      requestId,
      ...(retryAfter ? { headers: { "retry-after": String(retryAfter) } } : {}),
    });
  }
  if (isDatabaseUnreachableError(error)) {
    log.warn("api unavailable: the database cannot be reached", { requestId });
    return problem("unavailable", {
      detail: "The catalog's database cannot be reached just now; try again shortly.",
      requestId,
      headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
    });
  }
  log.error("api error", error, { requestId });
  return problem("internal", {
    requestId,
    detail: "The error was logged; quote the instance when you report it.",
  });
}
