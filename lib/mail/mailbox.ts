// The outbox as staff read it (/admin/emails): every email the store has queued, sent or given up
// on, newest first; in demo mode without SMTP_URL this is the mailbox the mail went to.
import type { Db } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";

export const MAILBOX_PAGE_SIZE = 25;
export const MAILBOX_FILTERS = ["all", "waiting", "sent", "failed"] as const;
export type MailboxFilter = (typeof MAILBOX_FILTERS)[number];

export function parseMailboxFilter(value: unknown): MailboxFilter {
  return MAILBOX_FILTERS.includes(value as MailboxFilter) ? (value as MailboxFilter) : "all";
}

export interface MailboxRow {
  id: number;
  kind: string;
  to: string;
  subject: string;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: string;
  sentAt: string | null;
  transport: string | null;
  attempts: number;
  nextAttemptAt: string;
  failedAt: string | null;
  error: string | null;
}

export interface MailboxMessage extends MailboxRow {
  text: string;
  html: string | null;
  response: string | null;
}

export interface MailboxPage {
  rows: MailboxRow[];
  total: number;
  failed: number;
  page: number;
  pageCount: number;
}

function whereOf(filter: MailboxFilter): Prisma.EmailOutboxWhereInput {
  if (filter === "sent") return { sentAt: { not: null } };
  if (filter === "failed") return { sentAt: null, failedAt: { not: null } };
  if (filter === "waiting") return { sentAt: null, failedAt: null };
  return {};
}

const select = {
  id: true,
  kind: true,
  to: true,
  subject: true,
  orderId: true,
  order: { select: { number: true } },
  createdAt: true,
  sentAt: true,
  transport: true,
  attempts: true,
  nextAttemptAt: true,
  failedAt: true,
  error: true,
} as const;

type Row = Prisma.EmailOutboxGetPayload<{ select: typeof select }>;

function toRow({ order, createdAt, sentAt, nextAttemptAt, failedAt, ...row }: Row): MailboxRow {
  return {
    ...row,
    orderNumber: order?.number ?? null,
    createdAt: createdAt.toISOString(),
    sentAt: sentAt?.toISOString() ?? null,
    nextAttemptAt: nextAttemptAt.toISOString(),
    failedAt: failedAt?.toISOString() ?? null,
  };
}

export function countFailed(db: Db): Promise<number> {
  return db.emailOutbox.count({ where: whereOf("failed") });
}

export async function listMailbox(db: Db, filter: MailboxFilter, page: number): Promise<MailboxPage> {
  const where = whereOf(filter);
  const [rows, total, failed] = await Promise.all([
    db.emailOutbox.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * MAILBOX_PAGE_SIZE,
      take: MAILBOX_PAGE_SIZE,
      select,
    }),
    db.emailOutbox.count({ where }),
    countFailed(db),
  ]);
  return {
    rows: rows.map(toRow),
    total,
    failed,
    page,
    pageCount: Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE)),
  };
}

export async function readMailboxMessage(db: Db, id: number): Promise<MailboxMessage | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const row = await db.emailOutbox.findUnique({
    where: { id },
    select: { ...select, text: true, html: true, response: true },
  });
  if (!row) return null;
  const { text, html, response, ...rest } = row;
  return { ...toRow(rest), text, html, response };
}
