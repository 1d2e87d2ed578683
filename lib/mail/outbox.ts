// The outbox worker: sends EmailOutbox rows through a transport, each exactly once in normal
// operation, and never loses one. Rows are claimed by one UPDATE ... FOR UPDATE SKIP LOCKED
// statement (its own transaction) that sets a lease and counts the attempt, so two instances (or
// two ticks of one) never hold the same row; a sent row is marked with the transport's answer;
// a refused or failed send is retried with exponential backoff and, after MAX_ATTEMPTS, marked
// failed for admins to see and queue again. A crash between the SMTP server accepting a message
// and the row being marked sent is the one case that sends twice: the lease runs out and the row
// is retried, with the same Message-ID, so mail systems can tell the copies apart.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";

export const MAX_ATTEMPTS = 8;
/** Longer than any one send may take (the SMTP transport's timeouts add up to under 2 minutes). */
export const LEASE_MS = 5 * 60 * 1000;
const BATCH = 10;

/** The wait after the n-th failed attempt: 30 s, 2 min, 8 min, 32 min, ~2 h, then 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

export interface OutgoingMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The same on every attempt of one row. */
  messageId: string;
}

export interface MailTransport {
  readonly name: "smtp" | "mailbox";
  /** Resolves with the server's answer once the message is accepted; rejects when it is not. */
  send(message: OutgoingMessage): Promise<{ response: string }>;
}

interface ClaimedRow {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attempts: number;
}

/** Takes up to `limit` due rows for this worker until the lease ends. */
export async function claimDue(db: PrismaClient, now: Date, limit = BATCH): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailOutbox" SET "lockedUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "html", "attempts"`;
}

export function messageIdFor(id: number, host: string): string {
  return `<outbox-${id}@${host}>`;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const text = e.response ?? e.message ?? String(error);
  return [e.responseCode, e.code, text].filter(Boolean).join(" ").slice(0, 500);
}

/**
 * One pass: claims what is due and sends it. Each row's outcome is written by a conditional
 * update on its claim (attempts unchanged), so a worker whose lease ran out writes nothing over
 * another's.
 */
export async function deliverDue(
  db: PrismaClient,
  transport: MailTransport,
  options: {
    host: string;
    now?: () => Date;
    limit?: number;
    onFailure?: (id: number, error: string, final: boolean) => void;
  },
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const rows = await claimDue(db, now(), options.limit);
  for (const row of rows) {
    const claim = { id: row.id, attempts: row.attempts, sentAt: null };
    try {
      const { response } = await transport.send({
        id: row.id,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: messageIdFor(row.id, options.host),
      });
      await db.emailOutbox.updateMany({
        where: claim,
        data: {
          sentAt: now(),
          transport: transport.name,
          response: response.slice(0, 500),
          lockedUntil: null,
        },
      });
      report.sent += 1;
    } catch (error) {
      const message = describe(error);
      const final = row.attempts >= MAX_ATTEMPTS;
      const at = now();
      await markFailedAttempt(db, claim, message, final, at);
      options.onFailure?.(row.id, message, final);
      if (final) report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

async function markFailedAttempt(
  db: Db,
  claim: { id: number; attempts: number; sentAt: null },
  error: string,
  final: boolean,
  at: Date,
) {
  await db.emailOutbox.updateMany({
    where: claim,
    data: final
      ? { error, failedAt: at, lockedUntil: null }
      : { error, nextAttemptAt: new Date(at.getTime() + backoffMs(claim.attempts)), lockedUntil: null },
  });
}

/** Staff: a failed email goes back in the queue with a fresh set of attempts. */
export async function requeueEmail(db: Db, id: number, now = new Date()): Promise<boolean> {
  const { count } = await db.emailOutbox.updateMany({
    where: { id, sentAt: null, failedAt: { not: null } },
    data: { failedAt: null, attempts: 0, nextAttemptAt: now, lockedUntil: null },
  });
  return count === 1;
}

/**
 * What is waiting in the outbox, for the metrics (bookstore_mail_outbox_*): emails still to be sent
 * or retried, emails given up on, and the age of the oldest waiting one. One indexed statement.
 */
export async function outboxBacklog(db: PrismaClient, now = new Date()) {
  const [row] = await db.$queryRaw<{ queued: bigint; failed: bigint; oldest: Date | null }[]>`
    SELECT count(*) FILTER (WHERE "failedAt" IS NULL) AS "queued",
           count(*) FILTER (WHERE "failedAt" IS NOT NULL) AS "failed",
           min("createdAt") FILTER (WHERE "failedAt" IS NULL) AS "oldest"
    FROM "EmailOutbox" WHERE "sentAt" IS NULL`;
  return {
    queued: Number(row?.queued ?? 0),
    failed: Number(row?.failed ?? 0),
    oldestQueuedSeconds: row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0,
  };
}
