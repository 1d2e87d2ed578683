// Cart rules shared by the cart, checkout and their tests: what may be bought and how many, and
// the fixed messages the cart shows (redirects carry only a notice code, never text).
// Pure: no database, no Next.js.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { EditionFormat } from "@/lib/generated/prisma/enums";

/** Most copies of one print edition in a cart (a bookshop, not a wholesaler). */
export const MAX_PRINT_QUANTITY = 10;

export const CART_NOTICES = {
  added: "Added to your cart.",
  "already-in-cart": "That title is already in your cart: ebooks and audiobooks are one copy per order.",
  updated: "Quantity updated.",
  removed: "Removed from your cart.",
  cancelled: "Checkout cancelled. Your cart is as you left it.",
  unavailable: "That book is not available.",
  "not-in-cart": "That item is not in your cart.",
  "quantity-invalid": `Choose a quantity from 1 to ${MAX_PRINT_QUANTITY}.`,
  "quantity-digital": "Ebooks and audiobooks are sold one copy per order: the quantity is 1.",
  "quantity-max": `You can buy at most ${MAX_PRINT_QUANTITY} copies of a book.`,
  empty: "Your cart is empty.",
  "not-understood": "That request was not understood; your cart is as it was.",
  "country-set": "Shipping and tax are now for your new destination.",
  "country-unknown": "We do not ship to that country. Choose one from the list.",
  "no-longer-available": "A book in your cart is no longer available: remove it to check out.",
  "payment-unavailable":
    "We could not start the payment: nothing was charged and your cart is as you left it. Please try again in a few minutes.",
  "payment-declined":
    "The payment was declined: nothing was charged and your cart is as you left it. Please try another card.",
} as const;

export type CartNotice = keyof typeof CART_NOTICES;

const ERROR_NOTICES = new Set<CartNotice>([
  "not-understood",
  "unavailable",
  "not-in-cart",
  "quantity-invalid",
  "quantity-digital",
  "quantity-max",
  "empty",
  "country-unknown",
  "no-longer-available",
  "payment-unavailable",
  "payment-declined",
]);

export function isCartNotice(value: unknown): value is CartNotice {
  return typeof value === "string" && Object.hasOwn(CART_NOTICES, value);
}

export function isErrorNotice(notice: CartNotice): boolean {
  return ERROR_NOTICES.has(notice);
}

/** A refused cart change: a typed validation error with the notice the cart shows. */
export class CartError extends AppError {
  constructor(
    readonly notice: CartNotice,
    field = "form",
  ) {
    super(notice === "no-longer-available" ? "conflict" : "validation", CART_NOTICES[notice], {
      fields: { [field]: [CART_NOTICES[notice]] },
    });
    this.name = "CartError";
  }
}

/** Ebooks and audiobooks are licences: one per order. */
export function isDigital(format: EditionFormat): boolean {
  return format === "ebook" || format === "audiobook";
}

export function maxQuantityFor(format: EditionFormat): number {
  return isDigital(format) ? 1 : MAX_PRINT_QUANTITY;
}

/** Checks a quantity against an edition's cap: the notice explaining the refusal, or null when allowed. */
export function quantityProblem(format: EditionFormat, quantity: number): CartNotice | null {
  if (!Number.isSafeInteger(quantity) || quantity < 1) return "quantity-invalid";
  if (isDigital(format) && quantity > 1) return "quantity-digital";
  if (quantity > MAX_PRINT_QUANTITY) return "quantity-max";
  return null;
}

// Form fields arrive as strings; anything but plain digits is refused before it becomes a number.
const editionId = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number)
  .pipe(z.number().int().min(1));

const quantity = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === undefined || value === "" ? "1" : value))
  .pipe(z.string().regex(/^\d{1,9}$/))
  .transform(Number);

/** The only things a browser may send about a cart line: which edition, how many. */
export const cartLineInputSchema = z.object({ editionId, quantity });
export const removeLineInputSchema = z.object({ editionId });

export type CartLineInput = z.infer<typeof cartLineInputSchema>;

/** Parses a cart form's fields; CartError for anything that is not an edition id and a count. */
export function parseCartLine(input: Record<string, string | undefined>): CartLineInput {
  const parsed = cartLineInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path[0];
  throw field === "quantity"
    ? new CartError("quantity-invalid", "quantity")
    : new CartError("unavailable", "editionId");
}

export function parseRemoveLine(input: Record<string, string | undefined>): number {
  const parsed = removeLineInputSchema.safeParse(input);
  if (!parsed.success) throw new CartError("not-in-cart", "editionId");
  return parsed.data.editionId;
}
