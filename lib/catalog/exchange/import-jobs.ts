// CSV import jobs: an upload becomes a CsvImport row; its dry run and, once staff confirm, its
// apply run in the background (the caller schedules them, e.g. with Next's after()) and write
// their progress to the row between chunks, which the result page shows and refreshes.
//
// The apply is one transaction: every book of the file is re-checked and written through the
// listing writer on the transaction handle, with the audit entry and the job's "applied" status,
// or nothing is. On PostgreSQL that transaction holds one pooled connection and row locks on the
// books it writes: storefront reads go on (they read the last committed catalog); only writes to
// those same books wait. On PGlite (one connection) every other query of the process waits until
// it commits: docs/exchange.md.
import { recordAudit } from "@/lib/audit";
import type { DatabaseKind } from "@/lib/db/adapters";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CsvImportStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/types";
import { log } from "@/lib/log";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { csvIssueSchema, type CsvIssue } from "./csv";
import { applyPlan, planImport, type ImportPlan, type PlannedAction } from "./csv-import";
import { staffName, type ListingActor, type SaveResult } from "../listings/store";

/** The biggest file accepted (10 MiB: tens of thousands of rows). */
export const CSV_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Errors and planned changes kept on the job for its page; the counts are always complete. */
const MAX_STORED_ISSUES = 500;
/** The apply's transaction is rolled back past this. */
const APPLY_TIMEOUT_MS = 15 * 60_000;
/** A job still running with no progress for this long died with its process. */
const STALE_AFTER_MS = APPLY_TIMEOUT_MS + 5 * 60_000;

/** A book the plan changes, as a job stores it (JSON) for its page. */
const plannedChangeSchema = z.object({
  line: z.number().int(),
  slug: z.string(),
  title: z.string(),
  action: z.enum(["create", "update", "unchanged"] satisfies PlannedAction[]),
  fields: z.array(z.string()),
});
export type PlannedChange = z.infer<typeof plannedChangeSchema>;

export interface ImportJobView {
  id: number;
  status: CsvImportStatus;
  fileName: string;
  byteSize: number;
  totalRows: number;
  rowsValidated: number;
  rowsApplied: number;
  counts: Record<PlannedAction, number>;
  errorCount: number;
  errors: CsvIssue[];
  changes: PlannedChange[];
  message: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export type UploadProblem = "no_file" | "too_large" | "incomplete" | "not_utf8" | "not_text";

/** Decodes an upload as UTF-8 text (a BOM is kept for the CSV parser to remove). */
export function decodeUpload(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: UploadProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: "no_file" };
  if (bytes.byteLength > CSV_IMPORT_MAX_BYTES) return { ok: false, problem: "too_large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "not_utf8" };
  }
  // PostgreSQL text cannot hold NUL, and no CSV export of a spreadsheet has one.
  if (text.includes("\u0000")) return { ok: false, problem: "not_text" };
  return { ok: true, text };
}

export async function createImportJob(
  db: Db,
  input: { fileName: string; text: string; byteSize: number; actorId: number | null },
): Promise<number> {
  const job = await db.csvImport.create({
    data: {
      fileName: input.fileName.slice(0, 200) || "upload.csv",
      byteSize: input.byteSize,
      content: input.text,
      createdById: input.actorId,
    },
    select: { id: true },
  });
  return job.id;
}

function summary(plan: ImportPlan) {
  const changes: PlannedChange[] = plan.listings
    .filter((l) => l.action !== "unchanged")
    .slice(0, MAX_STORED_ISSUES)
    .map(({ line, slug, title, action, fields }) => ({ line, slug, title, action, fields }));
  return {
    totalRows: plan.totalRows,
    rowsValidated: plan.totalRows,
    booksToCreate: plan.counts.create,
    booksToUpdate: plan.counts.update,
    booksUnchanged: plan.counts.unchanged,
    errorCount: plan.errors.length,
    errors: plan.errors.slice(0, MAX_STORED_ISSUES),
    changes,
  };
}

/** The dry run of a job waiting for it; reads the catalog in chunks, writes only the job row. */
export async function runDryRun(db: Db, id: number): Promise<void> {
  const job = await db.csvImport.findUnique({ where: { id }, select: { status: true, content: true } });
  if (job?.status !== "validating") return;
  try {
    const plan = await planImport(db, job.content, {
      onProgress: async (rowsValidated, totalRows) => {
        await db.csvImport.update({ where: { id }, data: { rowsValidated, totalRows } });
      },
    });
    await db.csvImport.update({
      where: { id },
      data: { ...summary(plan), status: plan.errors.length ? "invalid" : "validated" },
    });
  } catch (error) {
    log.error("csv import dry run failed", error, { importId: id });
    await db.csvImport.update({
      where: { id },
      data: { status: "failed", message: "The dry run failed. Nothing was changed.", finishedAt: new Date() },
    });
  }
}

/** Moves a validated job with something to change to "applying"; false when it is not one. */
export async function claimApply(db: Db, id: number, actorId: number | null): Promise<boolean> {
  const claimed = await db.csvImport.updateMany({
    where: { id, status: "validated", OR: [{ booksToCreate: { gt: 0 } }, { booksToUpdate: { gt: 0 } }] },
    data: { status: "applying", appliedById: actorId, rowsApplied: 0 },
  });
  return claimed.count === 1;
}

const isRowRefused = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === "import_row_refused";

function failureMessage(error: unknown): string {
  if (isRowRefused(error)) {
    const cause = error.cause;
    const detail =
      cause instanceof AppError
        ? [cause.message, ...Object.values(cause.details.fields ?? {}).flat()].join(" ")
        : "A database error.";
    return `Line ${error.details.line} (“${error.details.slug}”) could not be saved: ${detail} Nothing was changed.`;
  }
  return "The import failed. Nothing was changed.";
}

/**
 * Applies a claimed job in one transaction: the file is checked again against the store as it
 * is now (it may have changed since the dry run), then every change is written. Returns what was
 * saved, for cache invalidation; null when nothing was (the job row says why).
 */
export async function runApply(
  db: PrismaClient,
  kind: DatabaseKind,
  id: number,
  actor: ListingActor,
): Promise<SaveResult[] | null> {
  const job = await db.csvImport.findUnique({
    where: { id },
    select: { status: true, content: true, fileName: true },
  });
  if (job?.status !== "applying") return null;
  // Progress goes through the process client, outside the transaction, so the job's page can show
  // it before the commit. Only PostgreSQL can: PGlite's one connection is the transaction's until
  // it ends, so a write through the client there would wait for it (and stall it).
  const onProgress =
    kind === "postgres"
      ? async (rowsApplied: number) => {
          await db.csvImport.update({ where: { id }, data: { rowsApplied } });
        }
      : undefined;
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        const plan = await planImport(tx, job.content);
        if (plan.errors.length) return { plan, results: null };
        const results = await applyPlan(tx, plan, { actor, auditDetails: { importId: id }, onProgress });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "import.applied",
          targetType: "CsvImport",
          targetId: id,
          details: {
            fileName: job.fileName,
            rows: plan.totalRows,
            created: plan.counts.create,
            updated: plan.counts.update,
            unchanged: plan.counts.unchanged,
          },
          ip: actor.ip ?? null,
        });
        await tx.csvImport.update({
          where: { id },
          data: { ...summary(plan), status: "applied", rowsApplied: plan.totalRows, finishedAt: new Date() },
        });
        return { plan, results };
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 60_000 },
    );
    if (!outcome.results) {
      await db.csvImport.update({
        where: { id },
        data: {
          ...summary(outcome.plan),
          status: "invalid",
          message: "The store changed since the dry run, and these rows no longer pass. Nothing was changed.",
          finishedAt: new Date(),
        },
      });
    }
    return outcome.results;
  } catch (error) {
    if (isRowRefused(error)) {
      if (!(error.cause instanceof AppError)) {
        log.error("csv import apply failed", error.cause, { importId: id, line: error.details.line });
      }
    } else log.error("csv import apply failed", error, { importId: id });
    await db.csvImport.update({
      where: { id },
      data: { status: "failed", message: failureMessage(error), finishedAt: new Date() },
    });
    return null;
  }
}

const jobSelect = {
  id: true,
  status: true,
  fileName: true,
  byteSize: true,
  totalRows: true,
  rowsValidated: true,
  rowsApplied: true,
  booksToCreate: true,
  booksToUpdate: true,
  booksUnchanged: true,
  errorCount: true,
  errors: true,
  changes: true,
  message: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.CsvImportSelect;

type JobRow = Prisma.CsvImportGetPayload<{ select: typeof jobSelect }>;

function toView(row: JobRow): ImportJobView {
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    byteSize: row.byteSize,
    totalRows: row.totalRows,
    rowsValidated: row.rowsValidated,
    rowsApplied: row.rowsApplied,
    counts: { create: row.booksToCreate, update: row.booksToUpdate, unchanged: row.booksUnchanged },
    errorCount: row.errorCount,
    errors: z.array(csvIssueSchema).parse(row.errors),
    changes: z.array(plannedChangeSchema).parse(row.changes),
    message: row.message,
    createdBy: row.createdBy && staffName(row.createdBy),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** A job for its page; one left running by a process that died is marked failed first. */
export async function getImportJob(db: Db, id: number, now = new Date()): Promise<ImportJobView | null> {
  const row = await db.csvImport.findUnique({ where: { id }, select: jobSelect });
  if (!row) return null;
  if (
    (row.status === "validating" || row.status === "applying") &&
    now.getTime() - row.updatedAt.getTime() > STALE_AFTER_MS
  ) {
    await db.csvImport.updateMany({
      where: { id, status: row.status, updatedAt: row.updatedAt },
      data: {
        status: "failed",
        message: "Interrupted: the server stopped before the import finished. Nothing was changed.",
        finishedAt: now,
      },
    });
    return getImportJob(db, id, now);
  }
  return toView(row);
}

/** The latest jobs, newest first (at most 50), without their error and change lists. */
export async function listImportJobs(db: Db, take = 10): Promise<ImportJobView[]> {
  const rows = await db.csvImport.findMany({
    orderBy: { id: "desc" },
    take: Math.min(Math.max(take, 1), 50),
    select: { ...jobSelect, errors: false, changes: false },
  });
  return rows.map((row) => toView({ ...row, errors: [], changes: [] }));
}
