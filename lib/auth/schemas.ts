// One zod schema per staff input, used by the admin forms, the server actions and the scripts.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password";
import { STAFF_ROLES } from "./roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "Use at most 256 characters.");

export const roleSchema = z.enum(STAFF_ROLES, { error: "Choose admin or editor." });

export const createStaffSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateStaffInput = z.input<typeof createStaffSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
});

export const userIdSchema = z.coerce.number().int().positive();
