// Download grants: one per ebook of a paid order, made in the webhook's transaction. Every link
// the store issues for a grant (the receipt's, the order page's) counts against the same limit;
// each attempt through a correctly signed link is logged in DownloadLog, served or refused.
import type { Db } from "@/lib/db/types";
import { DOWNLOAD_LIMIT } from "./links";
import { ensureSampleFile } from "./store";

export interface GrantView {
  id: string;
  editionId: number;
  bookTitle: string;
  downloadCount: number;
  downloadLimit: number;
  remaining: number;
  /** A file is there to download (or, in demo mode, will be made from the listing). */
  available: boolean;
}

/** Grants for the order's ebooks (audiobooks are not files the store delivers). Idempotent. */
export async function createGrants(
  tx: Db,
  orderId: string,
  items: { editionId: number; format: string; bookTitle: string }[],
): Promise<void> {
  const ebooks = items.filter((item) => item.format === "ebook");
  if (ebooks.length === 0) return;
  await tx.downloadGrant.createMany({
    data: ebooks.map((item) => ({
      orderId,
      editionId: item.editionId,
      bookTitle: item.bookTitle,
      downloadLimit: DOWNLOAD_LIMIT,
    })),
    skipDuplicates: true,
  });
}

export async function grantsForOrder(db: Db, orderId: string, demo: boolean): Promise<GrantView[]> {
  const grants = await db.downloadGrant.findMany({
    where: { orderId },
    orderBy: { createdAt: "asc" },
    include: { edition: { select: { ebookFile: { select: { id: true } } } } },
  });
  return grants.map((grant) => ({
    id: grant.id,
    editionId: grant.editionId,
    bookTitle: grant.bookTitle,
    downloadCount: grant.downloadCount,
    downloadLimit: grant.downloadLimit,
    remaining: Math.max(0, grant.downloadLimit - grant.downloadCount),
    available: demo || grant.edition.ebookFile !== null,
  }));
}

export type DownloadRefusal = "unknown" | "expired" | "limit" | "refunded" | "not_paid" | "no_file";

export type DownloadResult =
  | {
      ok: true;
      bookTitle: string;
      mediaType: string;
      extension: string;
      content: Uint8Array;
      remaining: number;
    }
  | { ok: false; reason: DownloadRefusal };

interface Attempt {
  ipHash: string | null;
  userAgent: string | null;
  /** Demo mode: an ebook without a file gets its sample made from the listing. */
  demo: boolean;
  /** The link's signature was right but its time had passed. */
  expired?: boolean;
}

async function record(db: Db, grantId: string, outcome: string, attempt: Attempt) {
  await db.downloadLog.create({
    data: {
      grantId,
      outcome,
      ipHash: attempt.ipHash,
      userAgent: attempt.userAgent?.slice(0, 300) ?? null,
    },
  });
}

/**
 * One download through a link whose signature was checked: refused after a refund, past the
 * limit, or without a file; otherwise the count goes up by one (a conditional update, so two
 * concurrent downloads of the last allowed copy serve one) and the file is returned.
 */
export async function startDownload(db: Db, grantId: string, attempt: Attempt): Promise<DownloadResult> {
  const grant = await db.downloadGrant.findUnique({
    where: { id: grantId },
    include: { order: { select: { status: true } } },
  });
  if (!grant) return { ok: false, reason: "unknown" };
  const refuse = async (reason: DownloadRefusal): Promise<DownloadResult> => {
    await record(db, grant.id, `refused: ${reason}`, attempt);
    return { ok: false, reason };
  };
  if (attempt.expired) return refuse("expired");
  if (grant.order.status === "refunded") return refuse("refunded");
  if (grant.order.status !== "paid") return refuse("not_paid");
  if (attempt.demo) await ensureSampleFile(db, grant.editionId);
  const file = await db.ebookFile.findUnique({ where: { editionId: grant.editionId } });
  if (!file) return refuse("no_file");
  const counted = await db.downloadGrant.updateMany({
    where: { id: grant.id, downloadCount: { lt: grant.downloadLimit }, order: { status: "paid" } },
    data: { downloadCount: { increment: 1 } },
  });
  if (counted.count === 0) {
    const now = await db.order.findUnique({ where: { id: grant.orderId }, select: { status: true } });
    return refuse(now?.status === "refunded" ? "refunded" : "limit");
  }
  await record(db, grant.id, "served", attempt);
  return {
    ok: true,
    bookTitle: grant.bookTitle,
    mediaType: file.mediaType,
    extension: file.mediaType === "application/pdf" ? "pdf" : "epub",
    content: file.content,
    remaining: Math.max(0, grant.downloadLimit - grant.downloadCount - 1),
  };
}

export interface DownloadLogRow {
  grantId: string;
  bookTitle: string;
  outcome: string;
  createdAt: string;
}

/** The order's download attempts for staff, newest first. */
export async function downloadLogForOrder(db: Db, orderId: string, take = 50): Promise<DownloadLogRow[]> {
  const rows = await db.downloadLog.findMany({
    where: { grant: { orderId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { grant: { select: { bookTitle: true } } },
  });
  return rows.map((row) => ({
    grantId: row.grantId,
    bookTitle: row.grant.bookTitle,
    outcome: row.outcome,
    createdAt: row.createdAt.toISOString(),
  }));
}
