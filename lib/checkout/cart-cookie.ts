// The cart cookie: the cart's id and an HMAC-SHA256 of it under SESSION_SECRET, so a shopper can
// neither guess nor forge another cart's id. Pure: the secret is passed in.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CART_COOKIE = "qb_cart";
export const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

const ID = /^[0-9a-f-]{36}$/;

function mac(cartId: string, secret: string): string {
  return createHmac("sha256", secret).update(`cart:${cartId}`).digest("base64url");
}

export function signCartId(cartId: string, secret: string): string {
  return `${cartId}.${mac(cartId, secret)}`;
}

/** The cart id when the cookie is one this store signed; null for anything else. */
export function verifyCartCookie(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot < 0) return null;
  const cartId = value.slice(0, dot);
  if (!ID.test(cartId)) return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(cartId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? cartId : null;
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
