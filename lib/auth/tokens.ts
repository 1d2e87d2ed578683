// Session tokens: 32 random bytes for the cookie; the database keeps only their SHA-256 hash, so a
// leaked table cannot be replayed as cookies.
import { createHash, randomBytes } from "node:crypto";

export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
