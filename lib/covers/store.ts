// Uploaded covers in the database (CoverImage rows and the book's cover columns), so every
// instance serves the same images and backups hold them. Only the current version's images are
// kept: a new upload replaces them in one transaction.
import { createHash } from "node:crypto";
import { inTransaction } from "@/lib/db/transaction";
import type { Db } from "@/lib/db/types";
import type { CoverProblem } from "./files";

/** Part of every version: change it when the variants are made differently, so caches fetch them anew. */
const MAKING = "1";

/** A book's uploaded cover as pages need it: its version (the ?v= of its addresses) and size. */
export interface UploadedCover {
  version: string;
  width: number;
  height: number;
}

export type SaveCoverResult =
  | { ok: true; cover: UploadedCover; slug: string; byteSize: number; mediaType: string; unchanged: boolean }
  | { ok: false; problem: CoverProblem | "no_book" };

export async function saveCover(
  db: Db,
  bookId: number,
  upload: { bytes: Uint8Array; uploadedById: number | null },
): Promise<SaveCoverResult> {
  const book = await db.book.findUnique({
    where: { id: bookId },
    select: { slug: true, coverVersion: true },
  });
  if (!book) return { ok: false, problem: "no_book" };
  // Decoded and encoded before the transaction: sharp takes a second or two, no lock is held meanwhile.
  // Loaded here, not with the module: the cover route serves images on every page and never needs
  // sharp (~60 ms to load), which only an upload does.
  const { makeCoverImages } = await import("./images");
  const made = await makeCoverImages(upload.bytes);
  if (!made.ok) return made;
  const version = createHash("sha256").update(MAKING).update(upload.bytes).digest("hex").slice(0, 16);
  const cover = { version, width: made.cover.width, height: made.cover.height };
  const result = {
    ok: true as const,
    cover,
    slug: book.slug,
    byteSize: upload.bytes.byteLength,
    mediaType: made.cover.mediaType,
  };
  if (book.coverVersion === version) return { ...result, unchanged: true };
  const images = [
    {
      format: "original",
      width: made.cover.width,
      height: made.cover.height,
      mediaType: made.cover.mediaType,
      content: upload.bytes as Uint8Array<ArrayBuffer>,
    },
    ...made.cover.variants.map((v) => ({
      format: v.format,
      width: v.width,
      height: v.height,
      mediaType: v.mediaType,
      content: new Uint8Array(v.content),
    })),
  ];
  await inTransaction(db, async (tx) => {
    await tx.coverImage.deleteMany({ where: { bookId } });
    await tx.coverImage.createMany({
      data: images.map((image) => ({
        ...image,
        bookId,
        version,
        byteSize: image.content.byteLength,
        uploadedById: upload.uploadedById,
      })),
    });
    await tx.book.update({
      where: { id: bookId },
      data: { coverVersion: version, coverWidth: cover.width, coverHeight: cover.height },
    });
  });
  return { ...result, unchanged: false };
}

/** Back to the generated cover: the images and the book's cover columns go. Null: no such book. */
export async function removeCover(
  db: Db,
  bookId: number,
): Promise<{ slug: string; removed: boolean } | null> {
  const book = await db.book.findUnique({
    where: { id: bookId },
    select: { slug: true, coverVersion: true },
  });
  if (!book) return null;
  if (!book.coverVersion) return { slug: book.slug, removed: false };
  await inTransaction(db, async (tx) => {
    await tx.coverImage.deleteMany({ where: { bookId } });
    await tx.book.update({
      where: { id: bookId },
      data: { coverVersion: null, coverWidth: null, coverHeight: null },
    });
  });
  return { slug: book.slug, removed: true };
}

/** What the editor shows of a book's cover. */
export async function coverDetails(
  db: Db,
  bookId: number,
): Promise<
  (UploadedCover & { mediaType: string; byteSize: number; createdAt: string; slug: string }) | null
> {
  const original = await db.coverImage.findFirst({
    where: { bookId, format: "original" },
    select: {
      version: true,
      width: true,
      height: true,
      mediaType: true,
      byteSize: true,
      createdAt: true,
      book: { select: { slug: true } },
    },
  });
  if (!original) return null;
  const { book, createdAt, ...rest } = original;
  return { ...rest, slug: book.slug, createdAt: createdAt.toISOString() };
}

export interface StoredCoverImage {
  version: string;
  mediaType: string;
  content: Uint8Array;
}

/**
 * One image of a book's current cover, for /covers/<slug>: the variant of `format` at `width`, or
 * the widest one made when `width` is not one of them ("original": the file as uploaded). Null
 * when the book has no uploaded cover (the generated one is served).
 */
export async function readCoverImage(
  db: Db,
  bookId: number,
  format: "avif" | "webp" | "original",
  width: number | null,
): Promise<StoredCoverImage | null> {
  const rows = await db.coverImage.findMany({
    where: { bookId, format, ...(width ? { width } : {}) },
    orderBy: { width: "desc" },
    take: 1,
    select: { version: true, mediaType: true, content: true },
  });
  if (rows[0]) return rows[0];
  if (width) return readCoverImage(db, bookId, format, null);
  return null;
}
