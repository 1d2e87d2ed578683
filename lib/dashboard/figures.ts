// The admin dashboard's figures: sales today and this week, and the catalog work waiting for staff.
// Days and weeks are UTC, as every admin page's times and the orders list's date filter are, so a
// figure and the list it links to count the same orders. No Next or process database here.
import { ebookWithoutFileWhere, MISSING_FILTERS } from "@/lib/catalog/listings/admin-list";
import type { Db } from "@/lib/db/types";

export interface Period {
  /** First instant counted (inclusive). */
  from: Date;
  /** First day and last day as the orders list's filter takes them: "YYYY-MM-DD". */
  firstDay: string;
  lastDay: string;
}

export interface SalesFigure {
  orders: number;
  /** One total per currency the orders were paid in, largest first. */
  revenue: { currency: string; amountMinor: number }[];
}

export interface DashboardFigures {
  today: Period & SalesFigure;
  week: Period & SalesFigure;
  ratingsWaiting: number;
  drafts: number;
  /** Books (any status) showing the generated cover: none was uploaded. */
  booksWithoutCover: number;
  /** Ebook editions (not discontinued) whose buyers would get no publisher's file: none, or a demo sample. */
  ebooksWithoutFile: number;
}

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Today since 00:00 UTC, and this week since Monday 00:00 UTC (ISO 8601 weeks). */
export function periods(now: Date): { today: Period; week: Period } {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  const monday = new Date(midnight.getTime() - sinceMonday * DAY_MS);
  return {
    today: { from: midnight, firstDay: day(midnight), lastDay: day(midnight) },
    week: { from: monday, firstDay: day(monday), lastDay: day(midnight) },
  };
}

/**
 * Orders placed in the period that are paid now (a refunded order counts in neither figure; a
 * pending checkout is not an order yet), as `/admin/orders?status=paid&from=&to=` lists them.
 */
async function sales(db: Db, from: Date): Promise<SalesFigure> {
  const groups = await db.order.groupBy({
    by: ["currency"],
    where: { status: "paid", createdAt: { gte: from } },
    _count: { _all: true },
    _sum: { totalMinor: true },
  });
  return {
    orders: groups.reduce((n, g) => n + g._count._all, 0),
    revenue: groups
      .map((g) => ({ currency: g.currency, amountMinor: g._sum.totalMinor ?? 0 }))
      .sort((a, b) => b.amountMinor - a.amountMinor || a.currency.localeCompare(b.currency)),
  };
}

export async function dashboardFigures(db: Db, now: Date): Promise<DashboardFigures> {
  const { today, week } = periods(now);
  // One after another: PGlite is one connection, and these are a handful of indexed counts.
  const todaySales = await sales(db, today.from);
  const weekSales = await sales(db, week.from);
  const ratingsWaiting = await db.rating.count({ where: { status: "pending" } });
  const drafts = await db.book.count({ where: { status: "draft" } });
  const booksWithoutCover = await db.book.count({ where: MISSING_FILTERS.cover });
  const ebooksWithoutFile = await db.edition.count({ where: ebookWithoutFileWhere });
  return {
    today: { ...today, ...todaySales },
    week: { ...week, ...weekSales },
    ratingsWaiting,
    drafts,
    booksWithoutCover,
    ebooksWithoutFile,
  };
}
