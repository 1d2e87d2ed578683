// The write API's operations: parse the request, call the catalog's one write path
// (lib/catalog/listings/service.ts → createListing/saveListing, source "api"), shape the response.
import {
  addEditionFromApi,
  createListingFromApi,
  hideListingFromApi,
  patchEditionFromApi,
  patchListingFromApi,
  removeEditionFromApi,
  type ApiWriteOptions,
  type ApiWriteResult,
} from "@/lib/catalog/listings/service";
import { isValidSlug } from "@/lib/catalog/shared";
import { clientIp } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";
import { ApiProblem, etagOf } from "./handler";
import { toListingDoc } from "./schemas";
import { ifMatchVersion, readJsonBody, type WriteContext, type WriteOutcome } from "./write";

type BookParams = { slug: string };
type EditionParams = { slug: string; id: string };

function slugOf(params: BookParams): string {
  if (!isValidSlug(params.slug)) throw new ApiProblem("not_found", { detail: "No book has this slug." });
  return params.slug;
}

function editionIdOf(params: EditionParams): number {
  const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : 0;
  if (id < 1) throw new ApiProblem("not_found", { detail: "No edition has this id." });
  return id;
}

/** The token's creator acts, from the client's address; the token itself is named in the audit entry. */
function writeOptions(ctx: WriteContext<unknown>, expectedVersion: number | null): ApiWriteOptions {
  return {
    actor: { id: ctx.token.createdById, ip: clientIp(ctx.request.headers, getEnv().TRUSTED_PROXY_HOPS) },
    expectedVersion,
    auditDetails: { apiToken: { id: ctx.token.id, name: ctx.token.name } },
  };
}

function outcome(saved: ApiWriteResult, status: number, location?: string): WriteOutcome {
  const doc = toListingDoc(saved.listing);
  const body = JSON.stringify(doc);
  return {
    status,
    body: doc,
    etag: etagOf(body, saved.listing.version),
    location,
  };
}

// POST /api/v1/books - create a listing
export async function createBook(ctx: WriteContext<Record<string, never>>): Promise<WriteOutcome> {
  const body = await readJsonBody(ctx.request);
  const saved = await createListingFromApi(ctx.db, body, writeOptions(ctx, null));
  return outcome(saved, 201, `/api/v1/books/${saved.listing.data.slug}`);
}

// PATCH /api/v1/books/:slug - change some fields (If-Match required)
export async function patchBook(ctx: WriteContext<BookParams>): Promise<WriteOutcome> {
  const slug = slugOf(ctx.params);
  const version = ifMatchVersion(ctx.request, true);
  const body = await readJsonBody(ctx.request);
  return outcome(await patchListingFromApi(ctx.db, slug, body, writeOptions(ctx, version)), 200);
}

// DELETE /api/v1/books/:slug - hide the book (never deleted; If-Match optional)
export async function hideBook(ctx: WriteContext<BookParams>): Promise<WriteOutcome> {
  const slug = slugOf(ctx.params);
  const version = ifMatchVersion(ctx.request, false);
  return outcome(await hideListingFromApi(ctx.db, slug, writeOptions(ctx, version)), 200);
}

// POST /api/v1/books/:slug/editions - add an edition (If-Match optional)
export async function addEdition(ctx: WriteContext<BookParams>): Promise<WriteOutcome> {
  const slug = slugOf(ctx.params);
  const version = ifMatchVersion(ctx.request, false);
  const body = await readJsonBody(ctx.request);
  const saved = await addEditionFromApi(ctx.db, slug, body, writeOptions(ctx, version));
  return outcome(saved, 201, `/api/v1/books/${saved.listing.data.slug}/editions/${saved.editionId}`);
}

// PATCH /api/v1/books/:slug/editions/:id - change some edition fields (If-Match required)
export async function patchEdition(ctx: WriteContext<EditionParams>): Promise<WriteOutcome> {
  const slug = slugOf(ctx.params);
  const id = editionIdOf(ctx.params);
  const version = ifMatchVersion(ctx.request, true);
  const body = await readJsonBody(ctx.request);
  return outcome(await patchEditionFromApi(ctx.db, slug, id, body, writeOptions(ctx, version)), 200);
}

// DELETE /api/v1/books/:slug/editions/:id - remove an edition without orders (If-Match optional)
export async function removeEdition(ctx: WriteContext<EditionParams>): Promise<WriteOutcome> {
  const slug = slugOf(ctx.params);
  const id = editionIdOf(ctx.params);
  const version = ifMatchVersion(ctx.request, false);
  return outcome(await removeEditionFromApi(ctx.db, slug, id, writeOptions(ctx, version)), 200);
}
