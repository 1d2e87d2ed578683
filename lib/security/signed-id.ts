// A random id in a cookie, with an HMAC-SHA256 of it under SESSION_SECRET, so a visitor can neither
// guess nor forge another visitor's id: the cart's cookie and the shopper id of ratings, each
// signed with its own purpose. Pure: the secret is passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

const ID = /^[0-9a-f-]{36}$/;

function mac(purpose: string, id: string, secret: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url");
}

/** `<id>.<HMAC of "purpose:id">`: a cookie value only this store can produce. */
export function signId(purpose: string, id: string, secret: string): string {
  return `${id}.${mac(purpose, id, secret)}`;
}

/** The id (a UUID) when the value is one this store signed for `purpose`; null for anything else. */
export function verifySignedId(purpose: string, value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  if (!ID.test(id)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
