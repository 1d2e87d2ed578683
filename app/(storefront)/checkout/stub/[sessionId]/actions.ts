"use server";
// The stub checkout's "Pay" and "Cancel". Demo mode only (the service refuses otherwise).
import { redirect } from "next/navigation";
import {
  cancelStubSession,
  CHECKOUT_FIELDS,
  payStubSession,
  type CheckoutFieldErrors,
  type CheckoutValues,
} from "@/lib/checkout/payments/service";
import { formFields, repeatedField, textField } from "@/lib/form-data";

export interface PayState {
  message: string | null;
  errors: CheckoutFieldErrors;
  values: CheckoutValues;
}

export async function payAction(previous: PayState, form: FormData): Promise<PayState> {
  if (repeatedField(form))
    return { ...previous, message: "That request was not understood; nothing was paid.", errors: {} };
  const sessionId = textField(form, "sessionId");
  const token = textField(form, "token");
  const result = await payStubSession(sessionId, token, formFields(form, CHECKOUT_FIELDS));
  if (!result) redirect("/cart");
  if (result.ok) redirect(result.redirectTo);
  return { message: result.message, errors: result.errors, values: result.values };
}

export async function cancelAction(form: FormData): Promise<void> {
  if (repeatedField(form)) redirect("/cart?notice=not-understood");
  await cancelStubSession(textField(form, "sessionId"), textField(form, "token"));
  redirect("/cart?notice=cancelled");
}
