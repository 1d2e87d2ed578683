// The shop page editor's input, parsed by the save (lib/catalog/articles/shop-pages.ts). Server only: zod
// stays out of the admin's client bundle.
import { z } from "zod";
import { blocksFromText, SHOP_PAGE_LIMITS } from "./shop-page-text";

/** A shop page as the admin form sends it. */
export const shopPageInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Enter a title.")
    .max(SHOP_PAGE_LIMITS.title, `Keep the title to ${SHOP_PAGE_LIMITS.title} characters.`),
  excerpt: z
    .string()
    .trim()
    .max(SHOP_PAGE_LIMITS.excerpt, `Keep the summary to ${SHOP_PAGE_LIMITS.excerpt} characters.`),
  body: z
    .string()
    .max(
      SHOP_PAGE_LIMITS.body,
      `Keep the text to ${SHOP_PAGE_LIMITS.body.toLocaleString("en-US")} characters.`,
    )
    .refine(
      (text) => blocksFromText(text).some((b) => b.type === "paragraph"),
      "Write at least one paragraph.",
    ),
  /** The page's updatedAt when the editor opened it: a save over a newer one is refused. */
  updatedAt: z.string().min(1),
});

export type ShopPageInput = z.infer<typeof shopPageInputSchema>;
export type ShopPageField = "title" | "excerpt" | "body";
