// Ebook files in the database (EbookFile), so every instance of the store serves the same bytes:
// staff uploads, and the demo store's samples made from the listing on first need.
import { createHash } from "node:crypto";
import { CONTRIBUTOR_ROLES } from "@/lib/catalog/shared";
import type { Db } from "@/lib/db/types";
import { sniffEbook, type EbookKind, type UploadProblem } from "./files";
import { buildSampleEpub, type SampleListing } from "./sample-epub";

export interface EbookFileInfo {
  editionId: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  sample: boolean;
  updatedAt: string;
}

const INFO = {
  editionId: true,
  fileName: true,
  mediaType: true,
  byteSize: true,
  sha256: true,
  sample: true,
  updatedAt: true,
} as const;

export async function ebookFileInfo(db: Db, editionIds: number[]): Promise<Map<number, EbookFileInfo>> {
  const rows = await db.ebookFile.findMany({ where: { editionId: { in: editionIds } }, select: INFO });
  return new Map(rows.map((row) => [row.editionId, { ...row, updatedAt: row.updatedAt.toISOString() }]));
}

export type SaveResult =
  | { ok: true; kind: EbookKind; info: EbookFileInfo }
  | { ok: false; problem: UploadProblem | "not_ebook_edition" };

/** Checks the bytes by their content and stores them as the edition's file, replacing any earlier one. */
export async function saveEbookFile(
  db: Db,
  editionId: number,
  upload: { fileName: string; bytes: Uint8Array; uploadedById: number | null },
): Promise<SaveResult> {
  const edition = await db.edition.findUnique({ where: { id: editionId }, select: { format: true } });
  if (edition?.format !== "ebook") return { ok: false, problem: "not_ebook_edition" };
  const sniffed = sniffEbook(upload.bytes);
  if (!sniffed.ok) return sniffed;
  const name =
    upload.fileName.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || `ebook.${sniffed.kind.extension}`;
  const data = {
    fileName: name,
    mediaType: sniffed.kind.mediaType,
    byteSize: upload.bytes.length,
    sha256: createHash("sha256").update(upload.bytes).digest("hex"),
    content: upload.bytes as Uint8Array<ArrayBuffer>,
    sample: false,
    uploadedById: upload.uploadedById,
  };
  const row = await db.ebookFile.upsert({
    where: { editionId },
    create: { editionId, ...data },
    update: data,
    select: INFO,
  });
  return { ok: true, kind: sniffed.kind, info: { ...row, updatedAt: row.updatedAt.toISOString() } };
}

export async function removeEbookFile(db: Db, editionId: number): Promise<boolean> {
  const { count } = await db.ebookFile.deleteMany({ where: { editionId } });
  return count > 0;
}

/** The listing a sample is made from: the book, its credits, its first edition's details, its article. */
export async function sampleListing(db: Db, editionId: number): Promise<SampleListing | null> {
  const edition = await db.edition.findUnique({
    where: { id: editionId },
    include: {
      book: {
        include: {
          contributors: { include: { contributor: true }, orderBy: { position: "asc" } },
          articles: { where: { status: "published" }, orderBy: { id: "asc" }, take: 1 },
        },
      },
    },
  });
  if (!edition) return null;
  const { book } = edition;
  const article = book.articles[0];
  return {
    slug: book.slug,
    title: book.title,
    subtitle: book.subtitle,
    description: book.description ?? book.teaser,
    languages: book.languages,
    contributors: book.contributors.map((c) => ({
      name: c.contributor.name,
      role: CONTRIBUTOR_ROLES[c.role].label,
    })),
    isbn13: edition.isbn13,
    publisher: edition.publisher,
    publicationDate: edition.publicationDate?.toISOString().slice(0, 10) ?? null,
    article: article
      ? { title: article.title, blocks: article.blocks as { type: string; text: string }[] }
      : null,
  };
}

/**
 * Demo mode: the edition's sample EPUB, made from its listing and stored the first time it is
 * needed (a concurrent first request stores nothing twice). Staff uploads are never replaced.
 */
export async function ensureSampleFile(db: Db, editionId: number, now = new Date()): Promise<boolean> {
  const existing = await db.ebookFile.findUnique({ where: { editionId }, select: { id: true } });
  if (existing) return true;
  const listing = await sampleListing(db, editionId);
  if (!listing) return false;
  const bytes = buildSampleEpub(listing, now);
  await db.ebookFile.createMany({
    data: [
      {
        editionId,
        fileName: `${listing.slug}-sample.epub`,
        mediaType: "application/epub+zip",
        byteSize: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        content: bytes as Uint8Array<ArrayBuffer>,
        sample: true,
      },
    ],
    skipDuplicates: true,
  });
  return true;
}
