// Opaque pagination cursors: base64url JSON, validated on the way back in.
import { type z } from "zod";

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** The decoded cursor, or null when it is not one of ours (the caller answers 400). */
export function decodeCursor<T>(text: string, schema: z.ZodType<T>): T | null {
  if (text.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
