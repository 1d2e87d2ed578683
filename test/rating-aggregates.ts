// What the rating tests compare: a book's stored aggregates, and the same figures recomputed from
// its published rating rows.
import { ratingAverage } from "@/lib/catalog/ratings/summary";
import type { Db } from "@/lib/db/types";

export interface Aggregates {
  count: number;
  sum: number;
  average: number;
}

export async function storedAggregates(db: Db, bookId: number): Promise<Aggregates> {
  const book = await db.book.findUniqueOrThrow({
    where: { id: bookId },
    select: { ratingCount: true, ratingSum: true, ratingAverage: true },
  });
  return { count: book.ratingCount, sum: book.ratingSum, average: Number(book.ratingAverage) };
}

export async function aggregatesFromRows(db: Db, bookId: number): Promise<Aggregates> {
  const rows = await db.rating.findMany({ where: { bookId, status: "published" }, select: { stars: true } });
  const sum = rows.reduce((n, r) => n + r.stars, 0);
  return { count: rows.length, sum, average: ratingAverage(sum, rows.length) };
}
