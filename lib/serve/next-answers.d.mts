import type { IncomingMessage, ServerResponse } from "node:http";
export function correctNextAnswers(req: IncomingMessage, res: ServerResponse, notFoundPage: Buffer): void;
