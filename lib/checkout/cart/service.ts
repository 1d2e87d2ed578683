// The shopper's cart as the cart page, its server actions and the header's count use it: bound to
// the process database, the signed cart cookie and the environment. Inputs are the form's fields
// as strings (lib/form-data formFields), parsed here with the cart's own rules.
import "server-only";
import { cookies } from "next/headers";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { CART_COOKIE, cartCookieOptions, signCartId, verifyCartCookie } from "./cookie";
import * as cart from "./store";

export type { CartLineView, CartView } from "./store";
export { CART_NOTICES, CartError, isCartNotice, isDigital, isErrorNotice, MAX_PRINT_QUANTITY } from "./rules";
export { countryName, formatTaxRate } from "./shipping";

type Fields<K extends string> = Record<K, string | undefined>;

/** The cart id in the shopper's signed cookie, or null. */
export async function currentCartId(): Promise<string | null> {
  return verifyCartCookie((await cookies()).get(CART_COOKIE)?.value, getEnv().SESSION_SECRET);
}

export async function getCurrentCart() {
  return cart.readCart(await getPrisma(), await currentCartId(), getEnv().shippingZones);
}

/** The shopper's destination: shipping and tax in the cart follow it. */
export async function setCurrentCartCountry(fields: Fields<"country">): Promise<void> {
  await cart.setCartCountry(await getPrisma(), await currentCartId(), fields, getEnv().shippingZones);
}

export async function currentCartCount(): Promise<number> {
  return cart.cartItemCount(await getPrisma(), await currentCartId());
}

export async function addToCurrentCart(fields: Fields<"editionId" | "quantity">): Promise<cart.AddResult> {
  const existing = await currentCartId();
  const result = await cart.addToCart(await getPrisma(), existing, fields);
  if (result.cartId !== existing) {
    const env = getEnv();
    (await cookies()).set(
      CART_COOKIE,
      signCartId(result.cartId, env.SESSION_SECRET),
      cartCookieOptions(env.STORE_MODE === "live"),
    );
  }
  return result;
}

export async function updateCurrentCartQuantity(fields: Fields<"editionId" | "quantity">): Promise<void> {
  await cart.setQuantity(await getPrisma(), await currentCartId(), fields);
}

export async function removeFromCurrentCart(fields: Fields<"editionId">): Promise<void> {
  await cart.removeFromCart(await getPrisma(), await currentCartId(), fields);
}
