"use server";
import { redirect } from "next/navigation";
import { addApiToken, removeApiToken, requireStaff } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { repeatedField, textField } from "@/lib/form-data";

const TOKENS = "/admin/tokens";

export type CreateTokenState =
  | { ok: true; name: string; token: string }
  | { ok: false; message: string; fields: Record<string, string>; name: string; scopes: string[] }
  | null;

// The secret is returned as action state (rendered once, with or without JavaScript), never put
// in a URL or a cookie.
export async function createTokenAction(
  _previous: CreateTokenState,
  formData: FormData,
): Promise<CreateTokenState> {
  const staff = await requireStaff("admin", { next: TOKENS, mutation: true });
  const name = textField(formData, "name");
  const scopes = formData.getAll("scopes").filter((s): s is string => typeof s === "string");
  if (repeatedField(formData, ["scopes"]))
    return {
      ok: false,
      message: "That request was not understood; nothing changed.",
      fields: {},
      name,
      scopes,
    };
  try {
    const { token, view } = await addApiToken(staff.id, { name, scopes });
    return { ok: true, name: view.name, token };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.details.fields ?? {}).flatMap(([field, messages]) =>
        messages[0] ? [[field, messages[0]]] : [],
      ),
    );
    return { ok: false, message: error.message, fields, name, scopes };
  }
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const staff = await requireStaff("admin", { next: TOKENS, mutation: true });
  if (repeatedField(formData)) redirect(`${TOKENS}?error=bad_request`);
  const id = /^\d{1,9}$/.test(textField(formData, "tokenId")) ? Number(textField(formData, "tokenId")) : 0;
  let revoked = 0;
  try {
    revoked = (await removeApiToken(staff.id, Number.isInteger(id) && id > 0 ? id : 0)).id;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    redirect(`${TOKENS}?error=not_found`);
  }
  // The token by id: the page prints its name from the database, never text from the URL.
  redirect(`${TOKENS}?${new URLSearchParams({ notice: "revoked", target: String(revoked) }).toString()}`);
}
