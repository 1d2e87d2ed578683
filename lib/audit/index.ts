// The staff audit log: who did what to which record, from where. Written inside the same handle
// (transaction) as the change it records.
import type { Prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_in_limited"
  | "auth.sign_out"
  | "user.created"
  | "user.role_changed"
  | "user.disabled"
  | "user.enabled"
  | "user.password_reset"
  | "listing.created"
  | "listing.updated"
  | "listing.restored"
  | "import.applied"
  | "api_token.created"
  | "api_token.revoked"
  | "rating.published"
  | "rating.rejected"
  | "rating.deleted"
  | "order.shipped"
  | "email.requeued"
  | "ebook_file.uploaded"
  | "ebook_file.removed"
  | "cover.uploaded"
  | "cover.removed"
  | "shop_page.updated";

export interface AuditEntryInput {
  actorId: number | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | number | null;
  details?: Prisma.InputJsonObject;
  ip?: string | null;
}

export interface AuditEntry {
  id: number;
  createdAt: Date;
  action: string;
  actor: { id: number; email: string } | null;
  targetType: string;
  targetId: string | null;
  details: unknown;
  ip: string | null;
}

export const AUDIT_PAGE_SIZE_MAX = 100;

export async function recordAudit(db: Db, entry: AuditEntryInput): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      details: entry.details,
      ip: entry.ip ?? null,
    },
  });
}

/** One page of the log, newest first; pageSize is capped at AUDIT_PAGE_SIZE_MAX. */
export async function listAudit(
  db: Db,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ entries: AuditEntry[]; page: number; pageSize: number; total: number; pageCount: number }> {
  const size = Math.min(Math.max(1, Math.floor(pageSize) || 1), AUDIT_PAGE_SIZE_MAX);
  const total = await db.auditLog.count();
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await db.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * size,
    take: size,
    include: { actor: { select: { id: true, email: true } } },
  });
  return {
    entries: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      actor: row.actor,
      targetType: row.targetType,
      targetId: row.targetId,
      details: row.details,
      ip: row.ip,
    })),
    page: current,
    pageSize: size,
    total,
    pageCount,
  };
}
