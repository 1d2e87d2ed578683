import "server-only";
// Listings (a book with its credits, categories and editions) as the admin's editor and the write
// API change them: every write goes through saveListing/createListing (one schema, revisions,
// audit, search refresh) and invalidates the book's tags here, through lib/cache-tags.
import { invalidate } from "@/lib/cache-tags";
import { getPrisma } from "@/lib/db";
import type { Db } from "@/lib/db/types";
import { listAdminBooks, type AdminListQuery } from "./admin-list";
import * as api from "./api-input";
import * as listings from "./store";
import type { ListingActor, SaveResult } from "./store";

export { adminListQuerySchema, ADMIN_PAGE_SIZE_MAX } from "./admin-list";
export type { AdminBookPage, AdminBookRow, AdminListQuery, MissingFilter } from "./admin-list";
export { StaleVersionError } from "./store";
export type { ApiWriteOptions, ApiWriteResult } from "./api-input";
export { AVAILABILITY_VALUES, BOOK_STATUSES, EDITION_FORMAT_VALUES, listingSchema } from "./schema";
export type { LastChange, ListingActor, ListingForEdit, RevisionView, SaveResult } from "./store";

/** The one invalidation after a listing write: the book under its old and new slug, maybe taxonomy. */
function invalidateListing(result: SaveResult): SaveResult {
  if (result.changed) {
    invalidate({ slugs: [result.previousSlug, result.slug], taxonomy: result.taxonomyChanged });
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
  return invalidateListing(
    await listings.createListing(await getPrisma(), input, { actor, source: "admin" }),
  );
}

export async function saveListingAsStaff(
  actor: ListingActor,
  bookId: number,
  input: unknown,
  expectedVersion: number,
): Promise<SaveResult> {
  return invalidateListing(
    await listings.saveListing(await getPrisma(), bookId, input, { actor, expectedVersion, source: "admin" }),
  );
}

export async function restoreRevisionAsStaff(
  actor: ListingActor,
  bookId: number,
  revisionId: number,
  expectedVersion: number,
): Promise<SaveResult> {
  return invalidateListing(
    await listings.restoreRevision(await getPrisma(), bookId, revisionId, {
      actor,
      expectedVersion,
      source: "admin",
    }),
  );
}

type ApiWrite<A extends unknown[], R> = (db: Db, ...args: A) => Promise<R>;

/** An API write over `db` (the route's handle; tests pass their own), then its invalidation. */
function apiWrite<A extends unknown[], R extends api.ApiWriteResult>(write: ApiWrite<A, R>): ApiWrite<A, R> {
  return async (db, ...args) => {
    const saved = await write(db, ...args);
    invalidateListing(saved.result);
    return saved;
  };
}

export const createListingFromApi = apiWrite(api.createListingFromApi);
export const patchListingFromApi = apiWrite(api.patchListingFromApi);
export const hideListingFromApi = apiWrite(api.hideListingFromApi);
export const addEditionFromApi = apiWrite(api.addEditionFromApi);
export const patchEditionFromApi = apiWrite(api.patchEditionFromApi);
export const removeEditionFromApi = apiWrite(api.removeEditionFromApi);
