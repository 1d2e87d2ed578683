import "server-only";
// The listing editor's side of the catalog, bound to the process database, as app/admin calls it.
// Writes invalidate their cache tags here (server actions only: updateTag), in one place.
import { bookChanged, invalidateBookRatings, shopPageChanged } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db/index";
import { listAdminBooks, type AdminListQuery } from "./admin-list";
import * as listings from "./store";
import * as moderation from "../ratings/moderation";
import * as shopPages from "../articles/shop-pages";
import type { ListingActor, SaveResult } from "./store";

export { adminListQuerySchema, ADMIN_PAGE_SIZE_MAX } from "./admin-list";
export type { AdminBookPage, AdminBookRow, AdminListQuery, MissingFilter } from "./admin-list";
export { StaleVersionError } from "./store";
export { moderationQuerySchema, MODERATION_DECISIONS, MODERATION_STATUSES } from "../ratings/moderation";
export type {
  ModerationDecision,
  ModerationQuery,
  ModerationRow,
  ModerationStatus,
} from "../ratings/moderation";
export type { LastChange, ListingActor, ListingForEdit, RevisionView, SaveResult } from "./store";
export type { ListingData, ListingInput } from "./schema";

function invalidate(result: SaveResult): SaveResult {
  if (result.changed) {
    bookChanged({ slugs: [result.previousSlug, result.slug], taxonomy: result.taxonomyChanged });
  }
  return result;
}

export async function getAdminBooks(query: AdminListQuery) {
  return listAdminBooks(await getPrisma(), query);
}

export async function getListingForEdit(bookId: number) {
  return listings.getListingForEdit(await getPrisma(), bookId);
}

export async function getListingOptions() {
  return listings.listListingOptions(await getPrisma());
}

export async function getRevisions(bookId: number) {
  return listings.listRevisions(await getPrisma(), bookId);
}

export async function createListingAsStaff(actor: ListingActor, input: unknown): Promise<SaveResult> {
  return invalidate(await listings.createListing(await getPrisma(), input, { actor, source: "admin" }));
}

export async function saveListingAsStaff(
  actor: ListingActor,
  bookId: number,
  input: unknown,
  expectedVersion: number,
): Promise<SaveResult> {
  return invalidate(
    await listings.saveListing(await getPrisma(), bookId, input, { actor, expectedVersion, source: "admin" }),
  );
}

export async function restoreRevisionAsStaff(
  actor: ListingActor,
  bookId: number,
  revisionId: number,
  expectedVersion: number,
): Promise<SaveResult> {
  return invalidate(
    await listings.restoreRevision(await getPrisma(), bookId, revisionId, {
      actor,
      expectedVersion,
      source: "admin",
    }),
  );
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
    invalidateBookRatings(result.bookSlug, "action");
  }
  return result;
}

export async function getShopPages() {
  return shopPages.listShopPages(await getPrisma());
}

export async function getShopPageForEdit(slug: string) {
  return shopPages.findShopPage(await getPrisma(), slug);
}

/** Saves a shop page (validated, refused when stale, audited) and refreshes its cached copies. */
export async function saveShopPageAsStaff(actor: ListingActor, slug: string, input: unknown) {
  const page = await shopPages.saveShopPage(await getPrisma(), slug, input, actor);
  shopPageChanged(page.slug);
  return page;
}
