// Staff accounts: create, list, change role, disable/enable, reset password. Every change is
// written with its audit entry in one transaction. Takes a Db handle (scripts and tests pass their
// own); the app passes getPrisma().
import { recordAudit } from "@/lib/audit";
import { inTransaction } from "@/lib/db/transaction";
import type { Db } from "@/lib/db/types";
import { AppError, fieldErrorsFrom, isUniqueViolation } from "@/lib/errors";
import { generatePassword, hashPassword } from "./password";
import type { Staff, StaffRole } from "./roles";
import { createStaffSchema, roleSchema, STAFF_FORM_MESSAGES, type CreateStaffInput } from "./schemas";

export interface StaffUser extends Staff {
  disabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export interface ActorContext {
  actorId: number | null;
  ip?: string | null;
}

export const STAFF_PAGE_SIZE_MAX = 200;

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

function toStaffUser(row: {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    lastSignInAt: row.lastSignInAt,
    createdAt: row.createdAt,
  };
}

export async function createStaffUser(
  db: Db,
  input: CreateStaffInput,
  context: ActorContext,
): Promise<StaffUser> {
  const parsed = createStaffSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation", "Check the highlighted fields.", {
      fields: fieldErrorsFrom(parsed.error),
    });
  }
  const { email, name, role, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await inTransaction(db, async (tx) => {
      const row = await tx.adminUser.create({ data: { email, name, role, passwordHash }, select });
      await recordAudit(tx, {
        actorId: context.actorId,
        action: "user.created",
        targetType: "AdminUser",
        targetId: row.id,
        details: { email, role },
        ip: context.ip,
      });
      return toStaffUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("email_taken", STAFF_FORM_MESSAGES.email_taken, {
        fields: {
          email: [STAFF_FORM_MESSAGES.email_taken],
        },
      });
    throw error;
  }
}

export async function countStaffUsers(db: Db): Promise<number> {
  return db.adminUser.count();
}

export async function listStaffUsers(db: Db): Promise<StaffUser[]> {
  const rows = await db.adminUser.findMany({
    orderBy: [{ email: "asc" }],
    take: STAFF_PAGE_SIZE_MAX,
    select,
  });
  return rows.map(toStaffUser);
}

async function findOrThrow(db: Db, id: number) {
  const row = await db.adminUser.findUnique({ where: { id }, select });
  if (!row) throw new AppError("not_found", "That staff account does not exist.");
  return row;
}

export async function changeStaffRole(
  db: Db,
  userId: number,
  role: StaffRole,
  context: ActorContext,
): Promise<StaffUser> {
  const newRole = roleSchema.parse(role);
  if (userId === context.actorId && newRole !== "admin")
    throw new AppError("self_change", "You cannot remove your own admin role.");
  return inTransaction(db, async (tx) => {
    const before = await findOrThrow(tx, userId);
    if (before.role === newRole) return toStaffUser(before);
    const row = await tx.adminUser.update({ where: { id: userId }, data: { role: newRole }, select });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "user.role_changed",
      targetType: "AdminUser",
      targetId: userId,
      details: { from: before.role, to: newRole },
      ip: context.ip,
    });
    return toStaffUser(row);
  });
}

/** Disabling also revokes every session of the account. */
export async function setStaffDisabled(
  db: Db,
  userId: number,
  disabled: boolean,
  context: ActorContext,
  now: Date = new Date(),
): Promise<StaffUser> {
  if (userId === context.actorId && disabled)
    throw new AppError("self_change", "You cannot disable your own account.");
  return inTransaction(db, async (tx) => {
    const before = await findOrThrow(tx, userId);
    if ((before.disabledAt !== null) === disabled) return toStaffUser(before);
    const row = await tx.adminUser.update({
      where: { id: userId },
      data: { disabledAt: disabled ? now : null },
      select,
    });
    if (disabled)
      await tx.adminSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "AdminUser",
      targetId: userId,
      ip: context.ip,
    });
    return toStaffUser(row);
  });
}

/** Sets a new random password, revokes the account's sessions and returns the password once. */
export async function resetStaffPassword(
  db: Db,
  userId: number,
  context: ActorContext,
  now: Date = new Date(),
): Promise<{ user: StaffUser; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await inTransaction(db, async (tx) => {
    await findOrThrow(tx, userId);
    const row = await tx.adminUser.update({ where: { id: userId }, data: { passwordHash }, select });
    await tx.adminSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "user.password_reset",
      targetType: "AdminUser",
      targetId: userId,
      ip: context.ip,
    });
    return toStaffUser(row);
  });
  return { user, password };
}
