// The cart cookie: the cart's id and an HMAC-SHA256 of it under SESSION_SECRET, so a shopper can
// neither guess nor forge another cart's id. Pure: the secret is passed in. signId/verifySignedId
// are the same signing for other cookies (the shopper id of ratings), with their own purpose.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CART_COOKIE = "qb_cart";
export const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

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

export function signCartId(cartId: string, secret: string): string {
  return signId("cart", cartId, secret);
}

/** The cart id when the cookie is one this store signed; null for anything else. */
export function verifyCartCookie(value: string | undefined, secret: string): string | null {
  return verifySignedId("cart", value, secret);
}

export function cartCookieOptions(live: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: live,
    path: "/",
    maxAge: CART_COOKIE_MAX_AGE,
  };
}
