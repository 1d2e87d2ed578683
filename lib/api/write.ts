// The wrapper every write route goes through: bearer token with catalog:write, a per-token rate
// limit, no CORS (writes are never cross-origin), a bounded JSON body, If-Match preconditions and
// problem+json errors. The core takes the database handle so tests can drive it directly.
import "server-only";
import type { AuthenticatedToken } from "@/lib/auth/api-tokens";
import { StaleVersionError } from "@/lib/catalog/listings/service";
import { AppError } from "@/lib/errors";
import { getPrisma } from "@/lib/db";
import type { Db } from "@/lib/db/types";
import { readBoundedText } from "./body";
import { ApiProblem } from "./handler";
import { errorToProblem, problem } from "./problem";
import { limitApiClient } from "./rate-limit";
import { requireApiToken } from "./tokens";
import { API_WRITE_LIMIT_PER_MINUTE, MAX_BODY_BYTES } from "./write-limits";

export { API_WRITE_LIMIT_PER_MINUTE, MAX_BODY_BYTES };

export interface WriteContext<P> {
  db: Db;
  request: Request;
  params: P;
  token: AuthenticatedToken;
  requestId: string | null;
}

export interface WriteOutcome {
  status: number;
  body: unknown;
  etag?: string;
  location?: string;
}

/** The body as JSON: 415 unless application/json, 413 over MAX_BODY_BYTES (declared or read), 400 if malformed. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiProblem("unsupported_media_type", {
      detail: "Send the body as Content-Type: application/json.",
    });
  }
  const text = await readBoundedText(request, { maxBytes: MAX_BODY_BYTES });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem("validation", {
      detail: "The body is not valid JSON.",
      errors: [{ name: "body", reason: "Not valid JSON." }],
    });
  }
}

/** The version in `If-Match: "v<version>-…"`; null when absent and not `required` (then 428). */
export function ifMatchVersion(request: Request, required: boolean): number | null {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "") {
    if (!required) return null;
    throw new ApiProblem("precondition_required", {
      detail: "Send If-Match with the ETag of GET /api/v1/books/{slug} (or of the last write's response).",
    });
  }
  const match = header.trim().match(/^(?:W\/)?"v(\d{1,9})-[^"]*"$/);
  if (!match) {
    throw new ApiProblem("precondition_failed", {
      detail: 'If-Match must be one ETag this API produced, like "v3-…".',
    });
  }
  return Number(match[1]);
}

function toProblem(error: unknown, requestId: string | null): Response {
  if (error instanceof ApiProblem) return problem(error.type, { ...error.options, requestId });
  if (error instanceof StaleVersionError) {
    return problem("precondition_failed", {
      detail: `${error.message} Read the book again (now version ${error.currentVersion}) and retry.`,
      requestId,
    });
  }
  if (error instanceof AppError && error.code === "stale_version") {
    return problem("precondition_failed", { detail: error.message, requestId });
  }
  return errorToProblem(error, requestId);
}

/** Runs one write against `db`: authentication, rate limit, the operation, the response. */
export async function runApiWrite<P>(
  db: Db,
  request: Request,
  params: P,
  operation: (ctx: WriteContext<P>) => Promise<WriteOutcome>,
): Promise<Response> {
  const requestId = request.headers.get("x-request-id");
  let limitHeaders: Record<string, string> = {};
  try {
    const token = await requireApiToken(db, request, "catalog:write");
    const limited = await limitApiClient(db, `token:${token.id}`, API_WRITE_LIMIT_PER_MINUTE, requestId);
    limitHeaders = limited.headers;
    if (limited.refused) {
      limited.refused.headers.delete("access-control-allow-origin");
      limited.refused.headers.delete("access-control-expose-headers");
      return limited.refused;
    }
    const outcome = await operation({ db, request, params, token, requestId });
    const headers = new Headers(limitHeaders);
    headers.set("cache-control", "no-store");
    if (outcome.etag) headers.set("etag", outcome.etag);
    if (outcome.location) headers.set("location", outcome.location);
    if (outcome.status === 204) return new Response(null, { status: 204, headers });
    headers.set("content-type", "application/json; charset=utf-8");
    return new Response(JSON.stringify(outcome.body), { status: outcome.status, headers });
  } catch (error) {
    const response = toProblem(error, requestId);
    for (const [k, v] of Object.entries(limitHeaders)) response.headers.set(k, v);
    return response;
  }
}

/** A write route handler over the process database (the listings service invalidates what it changed). */
export function apiWrite<P = Record<string, never>>(
  operation: (ctx: WriteContext<P>) => Promise<WriteOutcome>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => runApiWrite(await getPrisma(), request, await context.params, operation);
}
