"use server";
// The stub checkout's "Pay" and "Cancel". Demo mode only (the service refuses otherwise).
import { redirect } from "next/navigation";
import {
  cancelStubSession,
  payStubSession,
  type CheckoutFieldErrors,
  type CheckoutValues,
} from "@/lib/checkout";
import { repeatedField } from "@/lib/form-data";

export interface PayState {
  message: string | null;
  errors: CheckoutFieldErrors;
  values: CheckoutValues;
}

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function payAction(previous: PayState, form: FormData): Promise<PayState> {
  if (repeatedField(form))
    return { ...previous, message: "That request was not understood; nothing was paid.", errors: {} };
  const sessionId = field(form, "sessionId");
  const token = field(form, "token");
  const result = await payStubSession(sessionId, token, form);
  if (!result) redirect("/cart");
  if (result.ok) redirect(result.redirectTo);
  return { message: result.message, errors: result.errors, values: result.values };
}

export async function cancelAction(form: FormData): Promise<void> {
  if (repeatedField(form)) redirect("/cart?notice=not-understood");
  await cancelStubSession(field(form, "sessionId"), field(form, "token"));
  redirect("/cart?notice=cancelled");
}
