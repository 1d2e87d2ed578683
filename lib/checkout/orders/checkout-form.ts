// The stub checkout's form: an email, and a shipping address in the order's destination country
// when anything is printed (the fields and rules of that country: lib/checkout/orders/address.ts).
import { z } from "zod";
import { ADDRESS_FIELDS, parseAddress, type AddressErrors, type ShippingAddress } from "./address";

export const emailSchema = z
  .string()
  .trim()
  .max(254, "The email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const CHECKOUT_FIELDS = ["email", ...ADDRESS_FIELDS] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutValues = Partial<Record<CheckoutField, string>>;
export type CheckoutFieldErrors = Partial<Record<CheckoutField, string>> & AddressErrors;

export type CheckoutFormResult =
  { ok: true; email: string; shipping: ShippingAddress | null } | { ok: false; errors: CheckoutFieldErrors };

/**
 * The email always; the address only for an order with printed books, in `country`: the
 * destination the shipping and tax were computed for (chosen in the cart, never on this form).
 */
export async function parseCheckoutForm(
  values: CheckoutValues,
  needsShipping: boolean,
  country: string,
): Promise<CheckoutFormResult> {
  const errors: CheckoutFieldErrors = {};
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success) errors.email = email.error.issues[0]?.message;
  let shipping: ShippingAddress | null = null;
  if (needsShipping) {
    const address = await parseAddress(values, country);
    if (address.ok) shipping = address.address;
    else Object.assign(errors, address.errors);
  }
  if (!email.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, email: email.data, shipping };
}
