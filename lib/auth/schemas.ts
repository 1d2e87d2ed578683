// One zod schema per staff input, used by the admin forms, the server actions and the scripts.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password";
import { STAFF_ROLES } from "./roles";

/**
 * Every message a staff form can show, by code. The admin's redirect-back pattern puts only the
 * code in the URL, so a crafted link cannot make an admin page print text of its choosing.
 */
export const STAFF_FORM_MESSAGES = {
  email_invalid: "Enter a valid email address.",
  email_taken: "Another staff account uses this email.",
  name_missing: "Enter a name.",
  name_too_long: "Use at most 120 characters.",
  role_invalid: "Choose admin or editor.",
  password_too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  password_too_long: "Use at most 256 characters.",
  invalid: "Check this field.",
} as const;
export type StaffFormMessageCode = keyof typeof STAFF_FORM_MESSAGES;

/** The code of one of STAFF_FORM_MESSAGES ("invalid" for any other text). */
export function staffFormMessageCode(message: string): StaffFormMessageCode {
  const codes = Object.keys(STAFF_FORM_MESSAGES) as StaffFormMessageCode[];
  return codes.find((code) => STAFF_FORM_MESSAGES[code] === message) ?? "invalid";
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: STAFF_FORM_MESSAGES.email_invalid }).max(254, STAFF_FORM_MESSAGES.email_invalid));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, STAFF_FORM_MESSAGES.password_too_short)
  .max(256, STAFF_FORM_MESSAGES.password_too_long);

export const roleSchema = z.enum(STAFF_ROLES, { error: STAFF_FORM_MESSAGES.role_invalid });

export const createStaffSchema = z.object({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .min(1, STAFF_FORM_MESSAGES.name_missing)
    .max(120, STAFF_FORM_MESSAGES.name_too_long),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateStaffInput = z.input<typeof createStaffSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
});

export const userIdSchema = z.coerce.number().int().positive();
