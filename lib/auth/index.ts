import "server-only";
// What app/ imports: the guard, sessions through cookies, and the staff-account services bound to
// the process database. Pages never import Prisma.
import { listAudit } from "@/lib/audit";
import { getPrisma } from "@/lib/db";
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenView } from "./api-tokens";
import { requestIp } from "./guard";
import type { StaffRole } from "./roles";
import type { CreateStaffInput } from "./schemas";
import {
  changeStaffRole,
  createStaffUser,
  listStaffUsers,
  resetStaffPassword,
  setStaffDisabled,
  type StaffUser,
} from "./users";

export {
  getCurrentSession,
  refusedSignInEmail,
  requireSameOrigin,
  requireStaff,
  signInStaff,
  signOutStaff,
  SESSION_COOKIE,
} from "./guard";
export { requireStaffForRoute } from "./route-guard";
export { hasRole, safeNextPath, STAFF_ROLES, type Staff, type StaffRole } from "./roles";
export { MIN_PASSWORD_LENGTH } from "./password";
export { STAFF_FORM_MESSAGES, staffFormMessageCode, type StaffFormMessageCode } from "./schemas";
export type { StaffUser } from "./users";
export { API_SCOPES, type ApiScope, type ApiTokenView } from "./api-tokens";
export type { AuditEntry } from "@/lib/audit";

async function actor(actorId: number) {
  return { actorId, ip: await requestIp() };
}

export async function getStaffUsers(): Promise<StaffUser[]> {
  return listStaffUsers(await getPrisma());
}

export async function addStaffUser(actorId: number, input: CreateStaffInput): Promise<StaffUser> {
  return createStaffUser(await getPrisma(), input, await actor(actorId));
}

export async function updateStaffRole(actorId: number, userId: number, role: StaffRole): Promise<StaffUser> {
  return changeStaffRole(await getPrisma(), userId, role, await actor(actorId));
}

export async function updateStaffDisabled(actorId: number, userId: number, disabled: boolean) {
  return setStaffDisabled(await getPrisma(), userId, disabled, await actor(actorId));
}

export async function resetStaffUserPassword(actorId: number, userId: number) {
  return resetStaffPassword(await getPrisma(), userId, await actor(actorId));
}

export async function getAuditPage(page: number, pageSize = 50) {
  return listAudit(await getPrisma(), { page, pageSize });
}

export async function getApiTokens(): Promise<ApiTokenView[]> {
  return listApiTokens(await getPrisma());
}

export async function addApiToken(actorId: number, input: { name: string; scopes: string[] }) {
  return createApiToken(await getPrisma(), input, await actor(actorId));
}

export async function removeApiToken(actorId: number, tokenId: number): Promise<ApiTokenView> {
  return revokeApiToken(await getPrisma(), tokenId, await actor(actorId));
}
