import "server-only";
// Import and export of listings as app/admin/exchange calls them: bound to the process database,
// with the cache invalidation of an applied import (it runs after the response, in `after()`).
import { invalidate } from "@/lib/cache-tags";
import { getDatabase, getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { SITE_NAME } from "@/lib/site";
import { textStream } from "@/lib/text-stream";
import * as jobs from "./import-jobs";
import { listingsCsvChunks } from "./csv-export";
import type { ListingActor } from "../listings/store";
import { onixExportStream } from "./onix-export";

export { CSV_IMPORT_MAX_BYTES } from "./import-jobs";
export { CSV_IMPORT_MAX_ROWS } from "./csv-import";
export { CSV_COLUMN_HELP, CSV_COLUMNS } from "./csv";
export type { ImportJobView, UploadProblem } from "./import-jobs";

/** Stores an upload as a new import job (its dry run is started separately, after the response). */
export async function startCsvImport(
  actorId: number,
  file: { name: string; bytes: Uint8Array },
): Promise<{ ok: true; id: number } | { ok: false; problem: jobs.UploadProblem }> {
  const decoded = jobs.decodeUpload(file.bytes);
  if (!decoded.ok) return decoded;
  const id = await jobs.createImportJob(await getPrisma(), {
    fileName: file.name,
    text: decoded.text,
    byteSize: file.bytes.byteLength,
    actorId,
  });
  return { ok: true, id };
}

export async function validateCsvImport(id: number): Promise<void> {
  await jobs.runDryRun(await getPrisma(), id);
}

/** True when the job was waiting to be applied and is now "applying". */
export async function confirmCsvImport(id: number, actorId: number): Promise<boolean> {
  return jobs.claimApply(await getPrisma(), id, actorId);
}

export async function applyCsvImport(id: number, actor: ListingActor): Promise<void> {
  const { prisma, kind } = await getDatabase();
  const results = (await jobs.runApply(prisma, kind, id, actor))?.filter((r) => r.changed);
  if (results?.length) {
    invalidate({
      slugs: results.flatMap((r) => [r.previousSlug, r.slug]),
      taxonomy: results.some((r) => r.taxonomyChanged),
    });
  }
}

export async function getCsvImport(id: number) {
  return jobs.getImportJob(await getPrisma(), id);
}

export async function listCsvImports() {
  return jobs.listImportJobs(await getPrisma(), 10);
}

/** "pglite" or "postgres": the import page says what an apply does to the embedded database. */
export async function catalogDatabaseKind() {
  return (await getDatabase()).kind;
}

/** The export as a byte stream, one page of books at a time. */
export async function listingsCsvStream(): Promise<ReadableStream<Uint8Array>> {
  return textStream(listingsCsvChunks(await getPrisma()));
}

/** The published catalog as an ONIX 3.0 message, streamed in batches (docs/admin.md). */
export async function getOnixExportStream(): Promise<ReadableStream<Uint8Array>> {
  return onixExportStream(await getPrisma(), { name: SITE_NAME, siteUrl: getEnv().SITE_URL });
}
