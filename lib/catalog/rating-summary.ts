import type { Db } from "@/lib/db/types";

export interface RatingDistribution {
  count: number;
  average: number;
  /** Published ratings per star value, 5 first. */
  stars: { stars: 5 | 4 | 3 | 2 | 1; count: number }[];
}

/** The shopper-rating summary of a book from its published ratings (never the listing's own figure). */
export async function ratingDistribution(db: Db, bookId: number): Promise<RatingDistribution> {
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
  return { count, average: count ? Math.round((sum / count) * 100) / 100 : 0, stars };
}
