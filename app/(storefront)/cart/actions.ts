"use server";
// Cart and checkout server actions. Each one writes, then redirects (the redirect-back pattern:
// works the same with and without JavaScript). Redirects carry a notice code, never text.
import { redirect } from "next/navigation";
import {
  addToCurrentCart,
  removeFromCurrentCart,
  setCurrentCartCountry,
  updateCurrentCartQuantity,
  CartError,
} from "@/lib/checkout/cart/service";
import { checkoutCurrentCart } from "@/lib/checkout/payments/service";
import { formFields, repeatedField } from "@/lib/form-data";

/** `done` is added to the cart's address when the change succeeded (which book was just added). */
async function withNotice(form: FormData, change: () => Promise<string>, done = ""): Promise<never> {
  let notice: string;
  try {
    if (repeatedField(form)) throw new CartError("not-understood");
    notice = `${await change()}${done}`;
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    notice = error.notice;
  }
  redirect(`/cart?notice=${notice}`);
}

export async function addToCartAction(form: FormData): Promise<void> {
  // The cart names the book just added and offers to go back to it ("Continue shopping").
  const editionId = form.get("editionId");
  const added =
    typeof editionId === "string" && /^[1-9]\d{0,9}$/.test(editionId) ? `&added=${editionId}` : "";
  await withNotice(
    form,
    async () => (await addToCurrentCart(formFields(form, ["editionId", "quantity"]))).notice,
    added,
  );
}

export async function updateQuantityAction(form: FormData): Promise<void> {
  await withNotice(form, async () => {
    await updateCurrentCartQuantity(formFields(form, ["editionId", "quantity"]));
    return "updated";
  });
}

export async function removeFromCartAction(form: FormData): Promise<void> {
  await withNotice(form, async () => {
    await removeFromCurrentCart(formFields(form, ["editionId"]));
    return "removed";
  });
}

export async function setCountryAction(form: FormData): Promise<void> {
  await withNotice(form, async () => {
    await setCurrentCartCountry(formFields(form, ["country"]));
    return "country-set";
  });
}

export async function checkoutAction(): Promise<void> {
  let url: string;
  try {
    url = await checkoutCurrentCart();
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    redirect(`/cart?notice=${error.notice}`);
  }
  redirect(url);
}
