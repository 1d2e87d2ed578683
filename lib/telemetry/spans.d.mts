import type { IncomingMessage, ServerResponse } from "node:http";

/** One incoming request's server span (server.mjs); it ends when the response closes. */
export interface RequestSpan {
  traceId: string;
  /** Runs the request's handling with this span as the current one. */
  run<T>(work: () => T): T;
}

export interface Tracing {
  inSpan<T>(
    name: string,
    attributes: Record<string, string | number | boolean>,
    work: () => Promise<T>,
  ): Promise<T>;
  currentTraceId(): string | undefined;
  startRequest(
    request: IncomingMessage,
    response: ServerResponse,
    requestId: string,
    path: string | undefined,
  ): RequestSpan;
}

export function tracing(): Tracing | undefined;
export function installTracing(value: Tracing): void;
export function inSpan<T>(
  name: string,
  attributes: Record<string, string | number | boolean>,
  work: () => Promise<T>,
): Promise<T>;
export function currentTraceId(): string | undefined;
