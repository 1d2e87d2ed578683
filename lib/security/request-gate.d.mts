import type { IncomingMessage, ServerResponse } from "node:http";
export const SERVER_ACTION_BODY_LIMIT_BYTES: number;
export function refusePageRequest(req: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): { status: number; message: string } | null;
export function sendRefusal(
  req: IncomingMessage,
  res: ServerResponse,
  refusal: { status: number; message: string },
): void;
