// Shopper ratings: one rating per book per shopper, a per-IP window, moderation status, and the
// book's aggregates (ratingCount, ratingSum, ratingAverage) kept exact in the same transaction.
// Database work over a handle; the cookie, the IP and the environment are bound in shopper-ratings.ts.
import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consume, type RateLimitRule } from "@/lib/rate-limit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { countRateLimitRefusal } from "@/lib/metrics/registry.mjs";
import { parseRatingInput } from "./input";
import { isValidSlug } from "../shared/slug";

/** At most 5 ratings per client IP per 10 minutes (whichever books, whichever shoppers). */
export const RATING_IP_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 600 };

export type RatingStatusView = "published" | "pending";

export interface CreatedRating {
  id: number;
  stars: number;
  title: string | null;
  body: string | null;
  displayName: string | null;
  status: RatingStatusView;
  createdAt: string;
}

function hmac(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("base64url");
}

/** What Rating.shopperKey stores: never the cookie's id itself. */
export function shopperKeyOf(shopperId: string, secret: string): string {
  return hmac(secret, `rating-shopper:${shopperId}`);
}

/**
 * Adds one published rating to the book's aggregates. One UPDATE reads and writes the row under
 * its row lock, so concurrent ratings queue on it and each adds to the committed totals (exact
 * under READ COMMITTED; recomputing from rows here could miss a concurrent uncommitted rating).
 */
async function addToAggregates(tx: Db, bookId: number, stars: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Book" SET
      "ratingCount" = "ratingCount" + 1,
      "ratingSum" = "ratingSum" + ${stars}::int,
      "ratingAverage" = round(("ratingSum" + ${stars}::int)::numeric / ("ratingCount" + 1), 2)
    WHERE "id" = ${bookId}`;
}

/**
 * Sets a book's aggregates from its published rating rows, after taking the book's row lock
 * (the same lock addToAggregates queues on). For moderation: publish or reject, then call this in
 * the same transaction. Once the lock is held, every rating added before has committed, and the
 * next statement (a new snapshot under READ COMMITTED) counts it; ratings added after wait.
 */
export async function recomputeRatingAggregates(db: Db, bookId: number): Promise<void> {
  await db.$queryRaw`SELECT "id" FROM "Book" WHERE "id" = ${bookId} FOR UPDATE`;
  await db.$executeRaw`
    UPDATE "Book" b SET
      "ratingCount" = r."count",
      "ratingSum" = r."sum",
      "ratingAverage" = CASE WHEN r."count" = 0 THEN 0 ELSE round(r."sum"::numeric / r."count", 2) END
    FROM (
      SELECT count(*)::int AS "count", coalesce(sum("stars"), 0)::int AS "sum"
        FROM "Rating" WHERE "bookId" = ${bookId} AND "status" = 'published'
    ) r
    WHERE b."id" = ${bookId}`;
}

/** The id of a published book, or a not_found AppError (drafts and hidden books take no ratings). */
export async function publishedBookIdOrThrow(db: Db, slug: string): Promise<number> {
  const book = isValidSlug(slug)
    ? await db.book.findFirst({ where: { slug, status: "published" }, select: { id: true } })
    : null;
  if (!book) throw new AppError("not_found", `No published book has the slug "${slug}".`);
  return book.id;
}

export interface SubmitRatingInput {
  bookId: number;
  /** The submitted values; validated here with ratingInputSchema. */
  rating: unknown;
  /** shopperKeyOf(the signed cookie's id) */
  shopperKey: string;
  /** ipHashOf(client IP), or null when the IP is unknown */
  ipHash: string | null;
  status: RatingStatusView;
  now?: Date;
}

const ALREADY_RATED = "You have already rated this book.";

/**
 * Validates and stores a rating: refuses invalid fields (422), a second one from the same shopper (409) and a sixth from
 * the same IP within the window (429), then inserts the rating and, when it is published, adds it
 * to the aggregates in one transaction. A refused rating changes nothing but the IP count.
 */
export async function submitRating(db: PrismaClient, input: SubmitRatingInput): Promise<CreatedRating> {
  const { bookId, shopperKey, ipHash, status } = input;
  const parsed = parseRatingInput(input.rating);
  if (!parsed.ok) {
    throw new AppError("validation", "Check the highlighted fields.", { fields: parsed.fields });
  }
  const rating = parsed.data;
  const existing = await db.rating.findUnique({
    where: { bookId_shopperKey: { bookId, shopperKey } },
    select: { id: true },
  });
  if (existing) throw new AppError("conflict", ALREADY_RATED);

  const limit = await consume(db, `rating:ip:${ipHash ?? "unknown"}`, RATING_IP_LIMIT, input.now);
  if (!limit.allowed) {
    countRateLimitRefusal("rating");
    throw new AppError(
      "rate_limited",
      `Too many ratings from your network; try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }

  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.rating.create({
        data: { bookId, ...rating, shopperKey, ipHash, status },
        select: {
          id: true,
          stars: true,
          title: true,
          body: true,
          displayName: true,
          status: true,
          createdAt: true,
        },
      });
      if (status === "published") await addToAggregates(tx, bookId, rating.stars);
      return created;
    });
    return { ...row, status, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    // Two submissions from one shopper at once: the unique key refuses the second.
    if (isUniqueViolation(error)) throw new AppError("conflict", ALREADY_RATED);
    throw error;
  }
}
