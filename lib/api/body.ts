// The one way a route reads a request body: refused (413) as soon as the declared length or the
// bytes read pass the route's limit, and (408) when the body has not arrived by a deadline, so a
// huge or held-open upload never costs memory or a waiting handler. Read chunk by chunk, with a
// counter: nothing is buffered past the limit.
import { ApiProblem } from "./handler";

export interface BodyLimits {
  /** Largest accepted body, in bytes. */
  maxBytes: number;
  /** How long the whole body may take to arrive. */
  deadlineMs?: number;
}

/** Answers to a refused body close the connection: the rest of the upload is not worth reading. */
const CLOSE = { connection: "close" };
export const DEFAULT_BODY_DEADLINE_MS = 30_000;

export function bodyTooLarge(maxBytes: number): ApiProblem {
  return new ApiProblem("payload_too_large", {
    detail: `Bodies are limited to ${maxBytes} bytes.`,
    headers: CLOSE,
  });
}

/** The body's bytes, or an ApiProblem (413 payload_too_large, 408 request_timeout). */
export async function readBoundedBody(
  request: Request,
  { maxBytes, deadlineMs = DEFAULT_BODY_DEADLINE_MS }: BodyLimits,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) throw bodyTooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === "late") {
        throw new ApiProblem("request_timeout", {
          detail: `The body must arrive within ${Math.round(deadlineMs / 1000)} seconds.`,
          headers: CLOSE,
        });
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) throw bodyTooLarge(maxBytes);
      chunks.push(next.value);
    }
  } catch (error) {
    // Stops reading; what the client still sends is dropped with the connection.
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text (invalid sequences replaced), read by readBoundedBody. */
export async function readBoundedText(request: Request, limits: BodyLimits): Promise<string> {
  return new TextDecoder("utf-8", { fatal: false }).decode(await readBoundedBody(request, limits));
}

/** A posted form (multipart or urlencoded), parsed only once readBoundedBody has it within the limit. */
export async function readBoundedFormData(request: Request, limits: BodyLimits): Promise<FormData> {
  const body = await readBoundedBody(request, limits);
  const contentType = request.headers.get("content-type") ?? "";
  return new Response(body, { headers: { "content-type": contentType } }).formData();
}
