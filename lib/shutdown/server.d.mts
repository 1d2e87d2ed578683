import type { IncomingMessage, Server, ServerResponse } from "node:http";
export const TASKS_TIMEOUT_MS: number;
export function readShutdownSettings(
  env: Record<string, string | undefined>,
): { ok: true; timeoutMs: number; drainMs: number } | { ok: false; message: string };
export function gracefulShutdown(
  server: Server,
  settings: { timeoutMs: number; drainMs: number },
): { track(req: IncomingMessage, res: ServerResponse, requestId: string, path: string | undefined): boolean };
