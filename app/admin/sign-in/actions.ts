"use server";
import { redirect } from "next/navigation";
import { repeatedField, textField } from "@/lib/form-data";
import { requireSameOrigin, safeNextPath, signInStaff } from "@/lib/auth";

// A plain form action with the redirect-back pattern, so sign-in works without JavaScript.
export async function signInAction(formData: FormData): Promise<void> {
  await requireSameOrigin();
  const next = safeNextPath(textField(formData, "next"));
  // A post that is not one the form sends is no attempt: nothing to count or audit.
  if (repeatedField(formData)) redirect(`/admin/sign-in?${new URLSearchParams({ error: "invalid", next })}`);
  const result = await signInStaff({ email: formData.get("email"), password: formData.get("password") });
  if (!result.ok) {
    const query = new URLSearchParams({ error: result.reason, next });
    if (result.reason === "limited") query.set("retry", String(Math.ceil(result.retryAfterSeconds / 60)));
    redirect(`/admin/sign-in?${query.toString()}`);
  }
  redirect(next);
}
