// Shopper ratings as the product page, its server action, the API and the admin's moderation use
// them: cached reads under the book's tag, and every write that changes what shoppers see
// invalidates through lib/cache-tags here, whichever caller made it.
import "server-only";
import { cache } from "react";
import { CACHE_TAGS, invalidate } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db";
import type { ListingActor } from "../listings/store";
import { cachedRead } from "../shared/cached-read";
import * as moderation from "./moderation";
import * as shopper from "./shopper";
import type { CreatedRating } from "./store";
import * as summary from "./summary";

export { RATING_LIMITS, ratingInputSchema, ratingValuesFromForm, type RatingField } from "./input";
export { MODERATION_DECISIONS, MODERATION_STATUSES, moderationQuerySchema } from "./moderation";
export type { ModerationDecision, ModerationQuery, ModerationRow, ModerationStatus } from "./moderation";
export { RATING_IP_LIMIT, type CreatedRating } from "./store";
export { ratingCursorSchema, summarizeRatings, type RatingDistribution, type RatingView } from "./summary";

export const ratingDistribution = cache((bookId: number, slug: string) =>
  cachedRead(["ratings", String(bookId)], [CACHE_TAGS.book(slug)], (db) =>
    summary.loadRatingDistribution(db, bookId),
  ),
);

export const listPublishedRatings = cache((bookId: number, slug: string, afterKey: string, limit: number) => {
  const after = JSON.parse(afterKey) as { createdAt: string; id: number } | null;
  return cachedRead(
    ["ratings:list", String(bookId), afterKey, String(limit)],
    [CACHE_TAGS.book(slug)],
    (db) => summary.loadPublishedRatings(db, bookId, { after, limit }),
  );
});

/**
 * Validates `input` (form values or a JSON body) and stores it as the current shopper's rating of
 * the published book `slug`; a published rating changes the book's page and every list. Throws
 * AppError: validation (field messages), not_found, conflict (already rated), rate_limited.
 */
export async function rateBookAsShopper(slug: string, input: unknown): Promise<CreatedRating> {
  const rating = await shopper.rateBookAsShopper(slug, input);
  if (rating.status === "published") invalidate({ slugs: [slug] });
  return rating;
}

export async function getRatingsForModeration(query: moderation.ModerationQuery) {
  return moderation.listRatingsForModeration(await getPrisma(), query);
}

export async function moderateRatingAsStaff(
  actor: ListingActor,
  ratingId: number,
  decision: moderation.ModerationDecision,
): Promise<moderation.ModerationResult> {
  const result = await moderation.moderateRating(await getPrisma(), ratingId, decision, actor);
  // Only published ratings show anywhere; a pending one rejected or deleted changes no page.
  if (result.changed && (result.previousStatus === "published" || decision === "publish")) {
    invalidate({ slugs: [result.bookSlug] });
  }
  return result;
}
