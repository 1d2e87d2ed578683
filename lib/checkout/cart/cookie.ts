// The cart cookie: the cart's id signed for the purpose "cart" (lib/security/signed-id), so a
// shopper can neither guess nor forge another cart's id. Pure: the secret is passed in.
import { signId, verifySignedId } from "@/lib/security/signed-id";

export const CART_COOKIE = "qb_cart";
export const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

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
