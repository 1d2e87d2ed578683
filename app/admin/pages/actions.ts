"use server";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { requestIp } from "@/lib/auth/guard";
import { saveShopPageAsStaff } from "@/lib/catalog/articles/service";
import { AppError } from "@/lib/errors";
import { repeatedField, textField } from "@/lib/form-data";

export interface ShopPageFormValues {
  title: string;
  excerpt: string;
  body: string;
  updatedAt: string;
}

export type ShopPageFormState = {
  message: string;
  fields: Partial<Record<"title" | "excerpt" | "body", string>>;
  values: ShopPageFormValues;
} | null;

// Invalid or stale saves come back as action state with what was typed (with or without
// JavaScript); a saved page redirects to the list, which says so.
export async function saveShopPageAction(
  _previous: ShopPageFormState,
  formData: FormData,
): Promise<ShopPageFormState> {
  const slug = textField(formData, "slug");
  const staff = await requireStaff("editor", { next: "/admin/pages", mutation: true });
  const values: ShopPageFormValues = {
    title: textField(formData, "title"),
    excerpt: textField(formData, "excerpt"),
    body: textField(formData, "body"),
    updatedAt: textField(formData, "updatedAt"),
  };
  // A field sent twice, or no version to check against, is not a post this form makes.
  if (repeatedField(formData) || !values.updatedAt) {
    return { message: "That request was not understood; nothing changed.", fields: {}, values };
  }
  try {
    await saveShopPageAsStaff({ id: staff.id, ip: await requestIp() }, slug, values);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "not_found") redirect("/admin/pages?error=not_found");
    const fields = Object.fromEntries(
      Object.entries(error.details.fields ?? {}).flatMap(([field, messages]) =>
        messages[0] ? [[field, messages[0]]] : [],
      ),
    );
    const message =
      error.code === "stale_version"
        ? "Someone saved this page after you opened it. Reload the page to see their version, then make your change again."
        : "The page was not saved: correct the fields below.";
    return { message, fields, values };
  }
  redirect(`/admin/pages?${new URLSearchParams({ saved: slug }).toString()}`);
}
