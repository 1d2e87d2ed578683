// Ebook files as the admin uses them: the ebook editions of a book with their files, uploads
// (checked by content, size-limited) and removals, each in the audit log.
import "server-only";
import { recordAudit } from "@/lib/audit";
import { formatName } from "@/lib/catalog/shared";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { UploadProblem } from "./files";
import { ebookFileInfo, removeEbookFile, saveEbookFile, type EbookFileInfo } from "./store";

export { EBOOK_MAX_BYTES } from "./files";

export interface EbookEditionFile {
  editionId: number;
  label: string;
  file: EbookFileInfo | null;
}

export async function getEbookEditions(bookId: number): Promise<EbookEditionFile[]> {
  const db = await getPrisma();
  const editions = await db.edition.findMany({
    where: { bookId, format: "ebook" },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, format: true, formatLabel: true, editionLabel: true, isbn13: true },
  });
  const files = await ebookFileInfo(
    db,
    editions.map((e) => e.id),
  );
  return editions.map((edition) => ({
    editionId: edition.id,
    label: [formatName(edition), edition.editionLabel, edition.isbn13 ? `ISBN ${edition.isbn13}` : null]
      .filter(Boolean)
      .join(", "),
    file: files.get(edition.id) ?? null,
  }));
}

/** Demo mode makes samples for ebooks without a file (the editor says so). */
export function samplesAreMade(): boolean {
  return getEnv().STORE_MODE === "demo";
}

export type EbookUploadOutcome = "uploaded" | UploadProblem | "not_ebook_edition";

export async function uploadEbookFile(
  bookId: number,
  editionId: number,
  upload: { fileName: string; bytes: Uint8Array },
  actor: { id: number; ip: string | null },
): Promise<EbookUploadOutcome> {
  const db = await getPrisma();
  const edition = await db.edition.findFirst({ where: { id: editionId, bookId }, select: { id: true } });
  if (!edition) return "not_ebook_edition";
  const saved = await saveEbookFile(db, editionId, { ...upload, uploadedById: actor.id });
  if (!saved.ok) return saved.problem;
  await recordAudit(db, {
    actorId: actor.id,
    action: "ebook_file.uploaded",
    targetType: "edition",
    targetId: editionId,
    details: {
      fileName: saved.info.fileName,
      mediaType: saved.info.mediaType,
      byteSize: saved.info.byteSize,
    },
    ip: actor.ip,
  });
  return "uploaded";
}

export async function deleteEbookFile(
  bookId: number,
  editionId: number,
  actor: { id: number; ip: string | null },
): Promise<boolean> {
  const db = await getPrisma();
  const edition = await db.edition.findFirst({ where: { id: editionId, bookId }, select: { id: true } });
  if (!edition || !(await removeEbookFile(db, editionId))) return false;
  await recordAudit(db, {
    actorId: actor.id,
    action: "ebook_file.removed",
    targetType: "edition",
    targetId: editionId,
    ip: actor.ip,
  });
  return true;
}
