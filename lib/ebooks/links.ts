// Signed download links: /downloads/<grant>?expires=<unix seconds>&signature=<HMAC>. The HMAC
// (SHA-256 under a key derived from SESSION_SECRET) covers the grant and the expiry, so neither can
// be changed; the grant itself (lib/ebooks/downloads.ts) counts downloads across every link
// issued for it, so a shared link stops when the order's limit is reached. Pure.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Downloads of one ebook per order, whichever of its links is used. */
export const DOWNLOAD_LIMIT = 5;
/** A link works this long after it is issued; the order page always issues fresh ones. */
export const DOWNLOAD_LINK_DAYS = 7;

const GRANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(grantId: string, expires: number, secret: string): string {
  const key = createHmac("sha256", secret).update("download-links").digest();
  return createHmac("sha256", key).update(`${grantId}.${expires}`).digest("base64url");
}

export function downloadPath(grantId: string, secret: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + DOWNLOAD_LINK_DAYS * 24 * 3600;
  return `/downloads/${grantId}?expires=${expires}&signature=${signature(grantId, expires, secret)}`;
}

export type LinkCheck = "valid" | "forged" | "expired";

/** Whether a link is one this store signed, and still within its time. */
export function checkDownloadLink(
  grantId: string,
  expires: string | null,
  given: string | null,
  secret: string,
  now = new Date(),
): LinkCheck {
  if (!GRANT_ID.test(grantId) || !expires || !/^\d{1,12}$/.test(expires) || !given) return "forged";
  const expected = Buffer.from(signature(grantId, Number(expires), secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return "forged";
  return Number(expires) * 1000 < now.getTime() ? "expired" : "valid";
}
