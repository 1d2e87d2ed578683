"use server";
import { redirect } from "next/navigation";
import {
  addStaffUser,
  requireStaff,
  resetStaffUserPassword,
  STAFF_ROLES,
  staffFormMessageCode,
  updateStaffDisabled,
  updateStaffRole,
  type StaffRole,
} from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { repeatedField, textField } from "@/lib/form-data";

const USERS = "/admin/users";

function back(params: Record<string, string>): never {
  redirect(`${USERS}?${new URLSearchParams(params).toString()}`);
}

function userIdFrom(formData: FormData): number {
  const id = /^\d{1,9}$/.test(textField(formData, "userId")) ? Number(textField(formData, "userId")) : 0;
  return id > 0 ? id : 0;
}

function roleFrom(formData: FormData): StaffRole | null {
  const role = textField(formData, "role");
  return STAFF_ROLES.find((r) => r === role) ?? null;
}

const NOT_UNDERSTOOD = "That request was not understood; nothing changed.";

function errorCode(error: unknown): string {
  if (error instanceof AppError) return error.code;
  throw error;
}

// Invalid input redirects back with the field messages' codes and the non-secret values in the
// query string (the redirect-back pattern: it works with and without JavaScript). Notices name
// the account by id; the page prints only texts of its own.
export async function createUserAction(formData: FormData): Promise<void> {
  const staff = await requireStaff("admin", { next: USERS, mutation: true });
  if (repeatedField(formData)) back({ error: "bad_request" });
  const input = {
    email: textField(formData, "email"),
    name: textField(formData, "name"),
    role: textField(formData, "role"),
    password: textField(formData, "password"),
  };
  let created;
  try {
    created = await addStaffUser(
      staff.id,
      input as { email: string; name: string; role: StaffRole; password: string },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Echoed at most a little past each field's limit: a URL must stay a URL.
    const params: Record<string, string> = {
      form: "create",
      email: input.email.slice(0, 300),
      name: input.name.slice(0, 200),
      role: input.role.slice(0, 20),
    };
    for (const [field, messages] of Object.entries(error.details.fields ?? {})) {
      if (messages[0]) params[`fe_${field}`] = staffFormMessageCode(messages[0]);
    }
    back(params);
  }
  back({ notice: "created", target: String(created.id) });
}

export async function changeRoleAction(formData: FormData): Promise<void> {
  const staff = await requireStaff("admin", { next: USERS, mutation: true });
  if (repeatedField(formData)) back({ error: "bad_request" });
  const role = roleFrom(formData);
  if (!role) back({ error: "validation" });
  let user;
  try {
    user = await updateStaffRole(staff.id, userIdFrom(formData), role);
  } catch (error) {
    back({ error: errorCode(error) });
  }
  back({ notice: "role_changed", target: String(user.id) });
}

export async function setDisabledAction(formData: FormData): Promise<void> {
  const staff = await requireStaff("admin", { next: USERS, mutation: true });
  // Only an explicit "1" or "0": a missing or odd value must not enable an account.
  const flag = textField(formData, "disabled");
  if (repeatedField(formData) || (flag !== "1" && flag !== "0")) back({ error: "bad_request" });
  const disabled = flag === "1";
  let user;
  try {
    user = await updateStaffDisabled(staff.id, userIdFrom(formData), disabled);
  } catch (error) {
    back({ error: errorCode(error) });
  }
  back({ notice: disabled ? "disabled" : "enabled", target: String(user.id) });
}

export type ResetPasswordState =
  null | { ok: true; email: string; password: string } | { ok: false; message: string };

// Returns the new password to the form's state: it is shown once and never stored or put in a URL.
export async function resetPasswordAction(
  _previous: ResetPasswordState,
  formData: FormData,
): Promise<ResetPasswordState> {
  const staff = await requireStaff("admin", { next: USERS, mutation: true });
  if (repeatedField(formData)) return { ok: false, message: NOT_UNDERSTOOD };
  try {
    const { user, password } = await resetStaffUserPassword(staff.id, userIdFrom(formData));
    return { ok: true, email: user.email, password };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
