import { z } from "zod";
import type { Db } from "@/lib/db/types";

export interface RatingDistribution {
  count: number;
  average: number;
  /** Published ratings per star value, 5 first. */
  stars: { stars: 5 | 4 | 3 | 2 | 1; count: number }[];
}

/** The shopper-rating summary of a book from its published ratings (never the listing's own figure). */
export async function loadRatingDistribution(db: Db, bookId: number): Promise<RatingDistribution> {
  const groups = await db.rating.groupBy({
    by: ["stars"],
    where: { bookId, status: "published" },
    _count: { _all: true },
  });
  return summarizeRatings(groups.map((g) => ({ stars: g.stars, count: g._count._all })));
}

/** Count, average (2 decimals) and the 5..1 distribution from per-star counts. */
export function summarizeRatings(groups: { stars: number; count: number }[]): RatingDistribution {
  const stars = ([5, 4, 3, 2, 1] as const).map((s) => ({
    stars: s,
    count: groups.filter((g) => g.stars === s).reduce((n, g) => n + g.count, 0),
  }));
  const count = stars.reduce((n, s) => n + s.count, 0);
  const sum = stars.reduce((n, s) => n + s.stars * s.count, 0);
  return { count, average: ratingAverage(sum, count), stars };
}

/**
 * sum / count rounded half up to 2 decimals, as PostgreSQL's round(numeric, 2) does for
 * "ratingAverage" (sum * 100 / count is exact at the halves, unlike (sum / count) * 100).
 */
export function ratingAverage(sum: number, count: number): number {
  return count ? Math.round((sum * 100) / count) / 100 : 0;
}

export interface RatingView {
  id: number;
  stars: number;
  title: string | null;
  body: string | null;
  displayName: string | null;
  createdAt: string;
}

/** A position in a book's ratings (the review pages' and the API's opaque cursors hold one). */
export const ratingCursorSchema = z.object({ createdAt: z.iso.datetime(), id: z.number().int().positive() });

/** A book's published ratings, newest first, after an optional (createdAt, id) position. */
export async function loadPublishedRatings(
  db: Db,
  bookId: number,
  { after, limit }: { after: { createdAt: string; id: number } | null; limit: number },
): Promise<{ ratings: RatingView[]; next: { createdAt: string; id: number } | null }> {
  const rows = await db.rating.findMany({
    where: {
      bookId,
      status: "published",
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after.createdAt) } },
              { createdAt: new Date(after.createdAt), id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, stars: true, title: true, body: true, displayName: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ratings: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    next: rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
  };
}
