import type { IncomingMessage, ServerResponse } from "node:http";
export function staticFiles(
  staticDir: string,
): (req: IncomingMessage, res: ServerResponse, otherwise: () => void) => boolean;
export function acceptsGzip(header: string | undefined): boolean;
