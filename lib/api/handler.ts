// The one wrapper every public API route handler goes through: rate limit per client IP, CORS for
// reads, strong ETags with If-None-Match → 304, Cache-Control per resource, problem+json errors.
import "server-only";
import { createHash } from "node:crypto";
import { clientIp } from "@/lib/auth/client-ip";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { errorToProblem, problem, type ProblemFieldError } from "./problem";
import { apiReadCounter, CORS_HEADERS, limitApiClient } from "./rate-limit";

/** Longest query string accepted; longer ones are refused before any work. */
export const MAX_QUERY_LENGTH = 2048;

/**
 * A refusal of the HTTP exchange itself (a missing token, a stale If-Match, a body too large or not
 * JSON, an unknown query parameter), thrown only by lib/api and route handlers and answered with its
 * problem type as it is. Not an AppError: no service raises these; what services throw is an
 * AppError, which errorToProblem maps through ERROR_STATUS.
 */
export class ApiProblem extends Error {
  constructor(
    readonly type: Parameters<typeof problem>[0],
    readonly options: { detail?: string; errors?: ProblemFieldError[]; headers?: HeadersInit } = {},
  ) {
    super(options.detail ?? type);
    this.name = "ApiProblem";
  }
}

export interface ApiGetContext<P> {
  request: Request;
  url: URL;
  params: P;
  requestId: string | null;
  /** Makes the ETag version-based ("v<version>-<hash>"), the form the write API's If-Match takes. */
  setVersion: (version: number) => void;
}

interface ApiGetOptions {
  /** Cache-Control for successful responses. */
  cacheControl: string;
  /** Skip the per-IP limit (health checks). */
  unlimited?: boolean;
}

/** Counts the request against its client IP's per-minute allowance. */
async function limitApiRequest(request: Request, requestId: string | null) {
  const env = getEnv();
  const ip = clientIp(request.headers, env.TRUSTED_PROXY_HOPS) ?? "unknown";
  return limitApiClient(
    await getPrisma(),
    `ip:${ip}`,
    env.API_RATE_LIMIT_PER_MINUTE,
    requestId,
    new Date(),
    apiReadCounter(),
  );
}

export function etagOf(body: string, version: number | null = null): string {
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return version === null ? `"${hash}"` : `"v${version}-${hash}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

/** A GET handler returning JSON `data` with the API's headers, ETag and error handling. */
export function apiGet<P = Record<string, never>>(
  options: ApiGetOptions,
  handler: (ctx: ApiGetContext<P>) => Promise<unknown>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    const requestId = request.headers.get("x-request-id");
    try {
      const url = new URL(request.url);
      if (url.search.length > MAX_QUERY_LENGTH) {
        return problem("uri_too_long", {
          detail: `Query strings are limited to ${MAX_QUERY_LENGTH} characters.`,
          requestId,
          headers: CORS_HEADERS,
        });
      }
      let limitHeaders: Record<string, string> = {};
      if (!options.unlimited) {
        const limited = await limitApiRequest(request, requestId);
        if (limited.refused) return limited.refused;
        limitHeaders = limited.headers;
      }
      let version: number | null = null;
      const setVersion = (v: number) => {
        version = v;
      };
      const data = await handler({ request, url, params: await context.params, requestId, setVersion });
      const body = JSON.stringify(data);
      const etag = etagOf(body, version);
      const headers = {
        ...CORS_HEADERS,
        ...limitHeaders,
        etag,
        "cache-control": options.cacheControl,
        vary: "Accept-Encoding",
      };
      if (matches(request.headers.get("if-none-match"), etag))
        return new Response(null, { status: 304, headers });
      return new Response(body, {
        status: 200,
        headers: { ...headers, "content-type": "application/json; charset=utf-8" },
      });
    } catch (error) {
      const response =
        error instanceof ApiProblem
          ? problem(error.type, { ...error.options, requestId })
          : errorToProblem(error, requestId);
      for (const [k, v] of Object.entries(CORS_HEADERS)) response.headers.set(k, v);
      return response;
    }
  };
}

/** CORS preflight for the read API. */
export function apiOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match, Content-Type, Authorization",
      "access-control-max-age": "86400",
    },
  });
}

/** Refuses any query parameter a route does not know, so typos do not silently change results. */
export function onlyParams(url: URL, allowed: string[]): void {
  const unknown = [...new Set(url.searchParams.keys())].filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw new ApiProblem("validation", {
      detail: `Unknown parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`,
      errors: unknown.map((name) => ({ name, reason: "Unknown parameter." })),
    });
  }
}

/** Refuses a request with these parameter errors as one validation problem (none: returns). */
export function refuseParams(errors: { name: string; reason: string }[]): void {
  if (errors.length)
    throw new ApiProblem("validation", { detail: errors.map((e) => e.reason).join(" "), errors });
}

/** Reads a `limit` parameter: 1..max, default `fallback`. */
export function limitParam(url: URL, fallback: number, max: number): number {
  const raw = url.searchParams.getAll("limit");
  if (raw.length === 0) return fallback;
  const value = raw[0]!;
  if (raw.length > 1 || !/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new ApiProblem("validation", {
      detail: `limit must be a whole number from 1 to ${max}.`,
      errors: [{ name: "limit", reason: `Must be a whole number from 1 to ${max}.` }],
    });
  }
  return Number(value);
}

/** Query parameters as the record the catalog's URL-state parser takes. */
export function paramsRecord(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}
