// Staff moderation of shopper ratings: the queue, and publish / reject / delete. Every decision
// changes the rating and recomputes the book's aggregates in one transaction (under the book's row
// lock, see recomputeRatingAggregates), so the numbers shoppers see stay exact whatever order
// staff and shoppers act in.
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ListingActor } from "../listings/store";
import { recomputeRatingAggregates } from "./store";

export const MODERATION_STATUSES = ["pending", "published", "rejected"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export const MODERATION_DECISIONS = ["publish", "reject", "delete"] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export const MODERATION_PAGE_SIZE = 25;

export const moderationQuerySchema = z.object({
  status: z.enum(MODERATION_STATUSES).catch("pending"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ModerationQuery = z.output<typeof moderationQuerySchema>;

export interface ModerationRow {
  id: number;
  stars: number;
  title: string | null;
  body: string | null;
  displayName: string | null;
  status: ModerationStatus;
  createdAt: string;
  moderatedAt: string | null;
  moderator: string | null;
  book: { id: number; slug: string; title: string };
}

export interface ModerationPage {
  rows: ModerationRow[];
  total: number;
  page: number;
  pageCount: number;
  counts: Record<ModerationStatus, number>;
}

/** The queue: oldest first for pending (first come, first reviewed), newest decision first otherwise. */
export async function listRatingsForModeration(db: Db, query: ModerationQuery): Promise<ModerationPage> {
  const where = { status: query.status };
  const [rows, grouped] = await Promise.all([
    db.rating.findMany({
      where,
      orderBy:
        query.status === "pending"
          ? [{ createdAt: "asc" }, { id: "asc" }]
          : [{ moderatedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * MODERATION_PAGE_SIZE,
      take: MODERATION_PAGE_SIZE,
      select: {
        id: true,
        stars: true,
        title: true,
        body: true,
        displayName: true,
        status: true,
        createdAt: true,
        moderatedAt: true,
        moderator: { select: { email: true } },
        book: { select: { id: true, slug: true, title: true } },
      },
    }),
    db.rating.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts: Record<ModerationStatus, number> = { pending: 0, published: 0, rejected: 0 };
  for (const group of grouped) counts[group.status] = group._count._all;
  const total = counts[query.status];
  return {
    rows: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      moderatedAt: row.moderatedAt?.toISOString() ?? null,
      moderator: row.moderator?.email ?? null,
    })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE)),
    counts,
  };
}

export interface ModerationResult {
  ratingId: number;
  bookSlug: string;
  decision: ModerationDecision;
  /** The status before the decision; whether the book's published numbers changed follows from it. */
  previousStatus: ModerationStatus;
  /** False when the decision left the rating as it was (publishing a published rating). */
  changed: boolean;
}

/**
 * Publishes, rejects or deletes a rating, records who did it, and recomputes the book's
 * aggregates, all in one transaction. Deciding what is already so changes nothing.
 */
export async function moderateRating(
  db: PrismaClient,
  ratingId: number,
  decision: ModerationDecision,
  actor: ListingActor,
  now = new Date(),
): Promise<ModerationResult> {
  return db.$transaction(async (tx) => {
    // The row lock makes a second moderator's decision on the same rating wait, then see this one.
    const [rating] = await tx.$queryRaw<{ bookId: number; status: ModerationStatus; slug: string }[]>`
      SELECT r."bookId", r."status"::text AS "status", b."slug"
        FROM "Rating" r JOIN "Book" b ON b."id" = r."bookId"
       WHERE r."id" = ${ratingId}
         FOR UPDATE OF r`;
    if (!rating) throw new AppError("not_found", `Rating ${ratingId} does not exist (deleted already?).`);
    const result = (changed: boolean): ModerationResult => ({
      ratingId,
      bookSlug: rating.slug,
      decision,
      previousStatus: rating.status,
      changed,
    });
    const target = decision === "publish" ? "published" : decision === "reject" ? "rejected" : null;
    if (target === rating.status) return result(false);

    if (target) {
      await tx.rating.update({
        where: { id: ratingId },
        data: { status: target, moderatedAt: now, moderatorId: actor.id },
      });
    } else {
      await tx.rating.delete({ where: { id: ratingId } });
    }
    if (rating.status === "published" || target === "published") {
      await recomputeRatingAggregates(tx, rating.bookId);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `rating.${decision === "publish" ? "published" : decision === "reject" ? "rejected" : "deleted"}`,
      targetType: "Rating",
      targetId: ratingId,
      details: { bookId: rating.bookId, slug: rating.slug, from: rating.status },
      ip: actor.ip ?? null,
    });
    return result(true);
  });
}
