// Covers as the admin and the /covers route use them, bound to the process database: uploads and
// removals are audited and expire the book's pages and every list (route handlers: they are
// plain multipart forms, so an oversized file is refused while it arrives).
import "server-only";
import { recordAudit } from "@/lib/audit";
import { invalidate } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db";
import type { CoverProblem } from "./files";
import { coverDetails, readCoverImage, removeCover, saveCover } from "./store";

export { COVER_MAX_BYTES, COVER_MIN_WIDTH } from "./files";
export type { CoverProblem } from "./files";
export type { StoredCoverImage, UploadedCover } from "./store";

export type CoverUploadOutcome = "uploaded" | "unchanged" | CoverProblem | "no_book";

export async function uploadCover(
  bookId: number,
  bytes: Uint8Array,
  actor: { id: number; ip: string | null },
): Promise<CoverUploadOutcome> {
  const db = await getPrisma();
  const saved = await saveCover(db, bookId, { bytes, uploadedById: actor.id });
  if (!saved.ok) return saved.problem;
  if (saved.unchanged) return "unchanged";
  invalidate({ slugs: [saved.slug] });
  await recordAudit(db, {
    actorId: actor.id,
    action: "cover.uploaded",
    targetType: "book",
    targetId: bookId,
    details: {
      mediaType: saved.mediaType,
      byteSize: saved.byteSize,
      width: saved.cover.width,
      height: saved.cover.height,
      version: saved.cover.version,
    },
    ip: actor.ip,
  });
  return "uploaded";
}

export async function deleteCover(
  bookId: number,
  actor: { id: number; ip: string | null },
): Promise<boolean> {
  const db = await getPrisma();
  const removed = await removeCover(db, bookId);
  if (!removed?.removed) return false;
  invalidate({ slugs: [removed.slug] });
  await recordAudit(db, {
    actorId: actor.id,
    action: "cover.removed",
    targetType: "book",
    targetId: bookId,
    ip: actor.ip,
  });
  return true;
}

export async function getCoverDetails(bookId: number) {
  return coverDetails(await getPrisma(), bookId);
}

export async function getCoverImage(
  bookId: number,
  format: "avif" | "webp" | "original",
  width: number | null,
) {
  return readCoverImage(await getPrisma(), bookId, format, width);
}

/** The cover of a book of any status by slug: staff previewing a draft (never publicly cached). */
export async function getUnpublishedCover(slug: string): Promise<{ bookId: number; version: string } | null> {
  const db = await getPrisma();
  const book = await db.book.findUnique({ where: { slug }, select: { id: true, coverVersion: true } });
  return book?.coverVersion ? { bookId: book.id, version: book.coverVersion } : null;
}
