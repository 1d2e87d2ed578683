// Orders as staff see them: a filtered list and one order with its lines, address, payment events
// and emails. Real orders (paid, refunded) and abandoned checkouts (pending, expired: nobody paid)
// are two lists. Payment states change only through the webhook; staff only mark parcels shipped
// (fulfilment.ts).
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ORDER_STATUSES, type OrderStatus } from "./state";
import { toOrderView, type OrderView } from "./store";

export const ADMIN_ORDERS_PAGE_SIZE = 25;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day typed in the filter form, as UTC midnight; refuses 2026-02-30 and the like. */
function parseDay(value: string): Date | null {
  if (!ISO_DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? date : null;
}

const day = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      if (!parseDay(value)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date like 2026-11-27.` });
        return z.NEVER;
      }
      return value;
    });

/** Which list: orders somebody paid for, or checkouts that were started and never paid. */
export const ORDER_VIEWS = {
  orders: ["paid", "refunded"],
  abandoned: ["pending", "expired"],
} as const satisfies Record<string, readonly OrderStatus[]>;
export type OrderListView = keyof typeof ORDER_VIEWS;

const fieldSchemas = {
  view: z.enum(["orders", "abandoned"]).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  from: day("From"),
  to: day("To"),
  // Control characters count as spaces: PostgreSQL refuses NUL in text.
  q: z
    .string()
    .transform((v) => v.replace(/[\s\p{Cc}]+/gu, " ").trim())
    .pipe(z.string().max(200, "Search at most 200 characters."))
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
};
type OrderListField = keyof typeof fieldSchemas;

export interface AdminOrderQuery {
  view: OrderListView;
  status?: OrderStatus;
  /** Inclusive first day, YYYY-MM-DD (UTC). */
  from?: string;
  /** Inclusive last day, YYYY-MM-DD (UTC). */
  to?: string;
  /** Order number or email contains. */
  q?: string;
  page: number;
}

/**
 * Reads the list's filters from the query string. A bad value is dropped (the list shows without
 * it) and reported for its field, so the form can say what was wrong instead of failing.
 */
export function parseAdminOrderQuery(params: Record<string, string | string[] | undefined>): {
  query: AdminOrderQuery;
  errors: Partial<Record<OrderListField, string>>;
} {
  const query: AdminOrderQuery = { view: "orders", page: 1 };
  const errors: Partial<Record<OrderListField, string>> = {};
  for (const field of Object.keys(fieldSchemas) as OrderListField[]) {
    const raw = params[field];
    const value = typeof raw === "string" && raw !== "" ? raw : undefined;
    if (value === undefined) continue;
    const parsed = fieldSchemas[field].safeParse(value);
    if (!parsed.success) {
      errors[field] =
        field === "status"
          ? `Status must be one of ${ORDER_STATUSES.join(", ")}.`
          : (parsed.error.issues[0]?.message ?? "Not understood.");
      continue;
    }
    if (parsed.data !== undefined) Object.assign(query, { [field]: parsed.data });
  }
  if (query.from && query.to && query.from > query.to) {
    errors.to = "To must be on or after From.";
    delete query.to;
  }
  if (query.q === "") delete query.q;
  // A status belongs to one list: asking for "expired" shows the abandoned checkouts.
  if (query.status && !params.view)
    query.view = (ORDER_VIEWS.abandoned as readonly OrderStatus[]).includes(query.status)
      ? "abandoned"
      : "orders";
  if (query.status && !(ORDER_VIEWS[query.view] as readonly OrderStatus[]).includes(query.status)) {
    errors.status = `That status is not in this list.`;
    delete query.status;
  }
  return { query, errors };
}

export interface AdminOrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  email: string | null;
  currency: string;
  totalMinor: number;
  itemCount: number;
  provider: string;
  createdAt: string;
  paidAt: string | null;
  refundedAt: string | null;
  shippedAt: string | null;
  needsShipping: boolean;
}

export interface AdminOrderPage {
  rows: AdminOrderRow[];
  total: number;
  page: number;
  pageCount: number;
}

function whereOf(query: AdminOrderQuery): Prisma.OrderWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.from) createdAt.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) createdAt.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return {
    status: query.status ? query.status : { in: [...ORDER_VIEWS[query.view]] },
    ...(query.from || query.to ? { createdAt } : {}),
    ...(query.q
      ? {
          OR: [
            { number: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** Newest first, 25 a page. */
export async function listOrdersForAdmin(db: Db, query: AdminOrderQuery): Promise<AdminOrderPage> {
  const where = whereOf(query);
  const [rows, total] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * ADMIN_ORDERS_PAGE_SIZE,
      take: ADMIN_ORDERS_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        email: true,
        currency: true,
        totalMinor: true,
        provider: true,
        createdAt: true,
        paidAt: true,
        refundedAt: true,
        shippedAt: true,
        _count: { select: { items: true } },
        items: { where: { format: { in: ["paperback", "hardcover"] } }, select: { id: true }, take: 1 },
      },
    }),
    db.order.count({ where }),
  ]);
  return {
    rows: rows.map(({ _count, items, createdAt, paidAt, refundedAt, shippedAt, ...row }) => ({
      ...row,
      itemCount: _count.items,
      createdAt: createdAt.toISOString(),
      paidAt: paidAt?.toISOString() ?? null,
      refundedAt: refundedAt?.toISOString() ?? null,
      shippedAt: shippedAt?.toISOString() ?? null,
      needsShipping: items.length > 0,
    })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_ORDERS_PAGE_SIZE)),
  };
}

export interface AdminOrderDetail extends OrderView {
  providerPaymentId: string | null;
  expiredAt: string | null;
  refundedAt: string | null;
  updatedAt: string;
  /** The payment provider's events applied to this order, in the order they arrived. */
  events: { id: string; type: string; outcome: string; receivedAt: string }[];
  emails: {
    id: number;
    to: string;
    subject: string;
    createdAt: string;
    sentAt: string | null;
    failedAt: string | null;
    error: string | null;
  }[];
}

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findOrderForAdmin(db: Db, id: string): Promise<AdminOrderDetail | null> {
  if (!ORDER_ID.test(id)) return null;
  const row = await db.order.findUnique({
    where: { id },
    include: {
      items: { orderBy: { id: "asc" } },
      events: { orderBy: [{ receivedAt: "asc" }, { id: "asc" }] },
      emails: { orderBy: { id: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...toOrderView(row),
    providerPaymentId: row.providerPaymentId,
    expiredAt: row.expiredAt?.toISOString() ?? null,
    refundedAt: row.refundedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    events: row.events.map((event) => ({
      id: event.id,
      type: event.type,
      outcome: event.outcome,
      receivedAt: event.receivedAt.toISOString(),
    })),
    emails: row.emails.map((email) => ({
      id: email.id,
      to: email.to,
      subject: email.subject,
      createdAt: email.createdAt.toISOString(),
      sentAt: email.sentAt?.toISOString() ?? null,
      failedAt: email.failedAt?.toISOString() ?? null,
      error: email.error,
    })),
  };
}
