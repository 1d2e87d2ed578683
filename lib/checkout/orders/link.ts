// The order page's token, sealed for the emails sent after checkout (the receipt from the webhook,
// the shipping notice from the admin): AES-256-GCM under a key derived from SESSION_SECRET. The
// database alone still opens no order page; the process that holds the secret can rebuild the link.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("order-link-seal").digest();
}

export function sealAccessToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

/** The token, or null when the value was sealed under another secret or altered. */
export function openAccessToken(sealed: string | null, secret: string): string | null {
  const parts = sealed?.split(".");
  if (!parts || parts.length !== 3) return null;
  try {
    const [iv, data, tag] = parts.map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
    const decipher = createDecipheriv("aes-256-gcm", key(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function orderUrl(siteUrl: string, token: string): string {
  return `${siteUrl}/orders/${token}`;
}
