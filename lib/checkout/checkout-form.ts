// The stub checkout's form: an email, and a shipping address when anything is printed. Pure.
import { z } from "zod";
import type { ShippingAddress } from "./events";

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} is too long.`);

export const emailSchema = z
  .string()
  .trim()
  .max(254, "The email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const shippingSchema = z.object({
  name: text("the recipient's name", 120),
  line1: text("the street address", 200),
  line2: z
    .string()
    .trim()
    .max(200, "Address line 2 is too long.")
    .transform((v) => v || null),
  city: text("the city", 120),
  postalCode: text("the postal code", 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Choose a country."),
});

export const CHECKOUT_FIELDS = ["email", "name", "line1", "line2", "city", "postalCode", "country"] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutValues = Partial<Record<CheckoutField, string>>;
export type CheckoutFieldErrors = Partial<Record<CheckoutField, string>>;

export type CheckoutFormResult =
  { ok: true; email: string; shipping: ShippingAddress | null } | { ok: false; errors: CheckoutFieldErrors };

export function parseCheckoutForm(values: CheckoutValues, needsShipping: boolean): CheckoutFormResult {
  const errors: CheckoutFieldErrors = {};
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success) errors.email = email.error.issues[0]?.message;
  let shipping: ShippingAddress | null = null;
  if (needsShipping) {
    const parsed = shippingSchema.safeParse({
      name: values.name ?? "",
      line1: values.line1 ?? "",
      line2: values.line2 ?? "",
      city: values.city ?? "",
      postalCode: values.postalCode ?? "",
      country: values.country ?? "",
    });
    if (parsed.success) shipping = parsed.data;
    else
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as CheckoutField;
        errors[field] ??= issue.message;
      }
  }
  if (!email.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, email: email.data, shipping };
}

/** Countries the demo ships to (ISO 3166-1 alpha-2). */
export const COUNTRIES: [string, string][] = [
  ["US", "United States"],
  ["CA", "Canada"],
  ["GB", "United Kingdom"],
  ["IE", "Ireland"],
  ["AU", "Australia"],
  ["NZ", "New Zealand"],
  ["IN", "India"],
  ["DE", "Germany"],
  ["FR", "France"],
  ["ES", "Spain"],
  ["MX", "Mexico"],
];
