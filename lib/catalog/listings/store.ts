// Writing listings: create, save with optimistic concurrency, revisions, restore. Independent of
// FormData and of Next: the admin's server actions and the write API call the same functions with
// the same schema (lib/catalog/listings/schema.ts), then invalidate the tags the result names.
import { recordAudit } from "@/lib/audit";
import type { Prisma } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/transaction";
import type { Db } from "@/lib/db/types";
import { utcTime } from "@/lib/utc-time";
import { AppError, fieldErrorsFrom, fromDatabaseError, type FieldErrors } from "@/lib/errors";
import { diffSnapshots, type FieldDiff } from "./diff";
import { listingInputFrom, listingSchema, readSnapshot, type ListingData } from "./schema";
import { slugify } from "../shared/slug";

export interface ListingActor {
  /** The staff member (null for scripts). */
  id: number | null;
  ip?: string | null;
}

export type RevisionSource = "admin" | "api" | "import";

export interface SaveOptions {
  actor: ListingActor;
  /** The book's version the edit started from; required when updating. */
  expectedVersion?: number;
  source?: RevisionSource;
  /** Extra audit details, e.g. the API token that made the change. */
  auditDetails?: Prisma.InputJsonObject;
}

export interface SaveResult {
  bookId: number;
  slug: string;
  /** The slug before this save (null on create); differs from slug after a rename. */
  previousSlug: string | null;
  version: number;
  status: ListingData["status"];
  diff: FieldDiff;
  /** False when the save would have stored what is stored already: nothing was written. */
  changed: boolean;
  /** A series or contributor was created: taxonomy pages and lists change. */
  taxonomyChanged: boolean;
}

export interface LastChange {
  version: number;
  by: string;
  at: string;
}

/** A save started from an old version: refused, with who saved in between and what is stored now. */
export class StaleVersionError extends AppError {
  constructor(
    readonly latest: LastChange | null,
    readonly current: ListingData,
    readonly currentVersion: number,
  ) {
    super(
      "stale_version",
      latest
        ? `This listing was changed by ${latest.by} at ${utcTime(latest.at)} (version ${latest.version}). Your changes were not saved.`
        : `This listing was changed (now version ${currentVersion}). Your changes were not saved.`,
    );
  }
}

const listingInclude = {
  series: { select: { name: true } },
  categories: { include: { category: { select: { slug: true } } }, orderBy: { position: "asc" } },
  contributors: { include: { contributor: { select: { name: true } } }, orderBy: { position: "asc" } },
  editions: { orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.BookInclude;

type ListingRow = Prisma.BookGetPayload<{ include: typeof listingInclude }>;

function toListingData(row: ListingRow): ListingData {
  return {
    title: row.title,
    subtitle: row.subtitle,
    slug: row.slug,
    description: row.description,
    teaser: row.teaser,
    status: row.status,
    seriesName: row.series?.name ?? null,
    seriesPosition: row.series ? row.seriesPosition : null,
    categorySlugs: row.categories.map((c) => c.category.slug),
    languages: row.languages,
    contributors: row.contributors.map((c) => ({ name: c.contributor.name, role: c.role, note: c.note })),
    editions: row.editions.map((e) => ({
      id: e.id,
      format: e.format,
      formatLabel: e.formatLabel,
      editionLabel: e.editionLabel,
      isbn13: e.isbn13,
      priceMinor: e.priceMinor,
      currency: e.currency,
      availability: e.availability,
      publisher: e.publisher,
      publicationDate: e.publicationDate?.toISOString().slice(0, 10) ?? null,
      pageCount: e.pageCount,
      fileSizeKb: e.fileSizeKb,
      textToSpeech: e.textToSpeech,
      screenReader: e.screenReader,
      enhancedTypesetting: e.enhancedTypesetting,
      wordWise: e.wordWise,
    })),
  };
}

/** How audit lines and import jobs name a staff member; null is a script. */
export function staffName(actor: { name: string; email: string } | null): string {
  return actor ? `${actor.name} (${actor.email})` : "a script";
}

async function lastChange(db: Db, bookId: number): Promise<LastChange | null> {
  const revision = await db.listingRevision.findFirst({
    where: { bookId },
    orderBy: { version: "desc" },
    include: { actor: { select: { name: true, email: true } } },
  });
  return revision
    ? { version: revision.version, by: staffName(revision.actor), at: revision.createdAt.toISOString() }
    : null;
}

async function loadRow(db: Db, bookId: number) {
  return db.book.findUnique({ where: { id: bookId }, include: listingInclude });
}

export function unknownCategoriesMessage(slugs: string[]): string {
  return `Unknown categories: ${slugs.join(", ")}.`;
}

/** Which of these category slugs exist (one query for many listings: the import's dry run). */
export async function existingCategorySlugs(db: Db, slugs: string[]): Promise<Set<string>> {
  if (!slugs.length) return new Set();
  const rows = await db.category.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  return new Set(rows.map((r) => r.slug));
}

/** Checks that need the database (slug, ISBNs, categories, removable editions); all at once. */
async function checkAgainstStore(db: Db, data: ListingData, bookId: number | null): Promise<number[]> {
  const fields: FieldErrors = {};
  const other = bookId === null ? {} : { NOT: { id: bookId } };
  const slugOwner = await db.book.findFirst({
    where: { slug: data.slug, ...other },
    select: { title: true },
  });
  const redirectOwner = slugOwner
    ? null
    : await db.slugRedirect.findFirst({
        where: { fromSlug: data.slug, ...(bookId === null ? {} : { NOT: { bookId } }) },
        select: { book: { select: { title: true } } },
      });
  if (slugOwner) fields.slug = [`Slug already used by “${slugOwner.title}”.`];
  else if (redirectOwner) fields.slug = [`Slug is an old address of “${redirectOwner.book.title}”.`];

  const isbns = data.editions.flatMap((e) => (e.isbn13 ? [e.isbn13] : []));
  if (isbns.length) {
    const taken = await db.edition.findMany({
      where: { isbn13: { in: isbns }, ...(bookId === null ? {} : { NOT: { bookId } }) },
      select: { isbn13: true, book: { select: { title: true } } },
    });
    for (const edition of taken) {
      const index = data.editions.findIndex((e) => e.isbn13 === edition.isbn13);
      fields[`editions.${index}.isbn`] = [`ISBN already used by “${edition.book.title}”.`];
    }
  }

  const categoryIds: number[] = [];
  if (data.categorySlugs.length) {
    const rows = await db.category.findMany({
      where: { slug: { in: data.categorySlugs } },
      select: { id: true, slug: true },
    });
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    const unknown = data.categorySlugs.filter((slug) => !bySlug.has(slug));
    if (unknown.length) fields.categorySlugs = [unknownCategoriesMessage(unknown)];
    for (const slug of data.categorySlugs) {
      const id = bySlug.get(slug);
      if (id !== undefined) categoryIds.push(id);
    }
  }

  if (bookId !== null) {
    const kept = data.editions.flatMap((e) => (e.id ? [e.id] : []));
    const sold = await db.edition.findFirst({
      where: { bookId, id: { notIn: kept.length ? kept : [-1] }, orderItems: { some: {} } },
      select: { id: true },
    });
    if (sold) {
      fields.editions = ["An edition that has orders cannot be removed: mark it discontinued instead."];
    }
  }

  if (Object.keys(fields).length) {
    throw new AppError("validation", "Check the highlighted fields.", { fields });
  }
  return categoryIds;
}

async function uniqueSlug(
  exists: (slug: string) => Promise<boolean>,
  base: string,
  fallback: string,
): Promise<string> {
  const root = base || fallback;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await exists(candidate))) return candidate;
  }
  throw new AppError("conflict", `No free slug for "${root}".`);
}

/** Existing by name (case-insensitive) or created; reports whether it was created. */
async function resolveSeries(db: Db, name: string): Promise<{ id: number; created: boolean }> {
  const found = await db.series.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    select: { id: true },
  });
  if (found) return { id: found.id, created: false };
  const slug = await uniqueSlug(
    async (s) => (await db.series.count({ where: { slug: s } })) > 0,
    slugify(name),
    "series",
  );
  return { id: (await db.series.create({ data: { name, slug }, select: { id: true } })).id, created: true };
}

async function resolveContributor(db: Db, name: string): Promise<{ id: number; created: boolean }> {
  const found = await db.contributor.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (found) return { id: found.id, created: false };
  const slug = await uniqueSlug(
    async (s) => (await db.contributor.count({ where: { slug: s } })) > 0,
    slugify(name),
    "contributor",
  );
  return {
    id: (await db.contributor.create({ data: { name, slug }, select: { id: true } })).id,
    created: true,
  };
}

function editionFields(edition: ListingData["editions"][number], position: number) {
  return {
    format: edition.format,
    formatLabel: edition.formatLabel,
    editionLabel: edition.editionLabel,
    isbn13: edition.isbn13,
    priceMinor: edition.priceMinor,
    currency: edition.currency,
    availability: edition.availability,
    publisher: edition.publisher,
    publicationDate: edition.publicationDate ? new Date(`${edition.publicationDate}T00:00:00Z`) : null,
    pageCount: edition.pageCount,
    fileSizeKb: edition.fileSizeKb,
    textToSpeech: edition.textToSpeech,
    screenReader: edition.screenReader,
    enhancedTypesetting: edition.enhancedTypesetting,
    wordWise: edition.wordWise,
    position,
  };
}

type Action = "listing.created" | "listing.updated" | "listing.restored";

/**
 * `data` as a save would store it over `before`: a series or contributor typed in other letter
 * case resolves to the stored one (resolveSeries, resolveContributor), so it is no change.
 */
function asStoredOver(data: ListingData, before: ListingData): ListingData {
  const sameName = (a: string | null | undefined, b: string | null | undefined) =>
    a != null && b != null && a.toLocaleLowerCase("en") === b.toLocaleLowerCase("en");
  return {
    ...data,
    seriesName: sameName(data.seriesName, before.seriesName) ? before.seriesName : data.seriesName,
    contributors: data.contributors.map((c, i) => {
      const stored = before.contributors[i];
      return stored && sameName(c.name, stored.name) ? { ...c, name: stored.name } : c;
    }),
  };
}

/** Writes validated data; the version check comes first so a stale save writes nothing. */
async function writeListing(
  db: Db,
  data: ListingData,
  bookId: number | null,
  options: SaveOptions & { action: Action; auditDetails?: Prisma.InputJsonObject },
): Promise<SaveResult> {
  if (bookId !== null && options.expectedVersion === undefined) {
    throw new AppError("validation", "The version the edit started from is missing.", {
      fields: { version: ["Reload the listing and try again."] },
    });
  }
  try {
    return await inTransaction(
      db,
      async (tx) => {
        const beforeRow = bookId === null ? null : await loadRow(tx, bookId);
        if (bookId !== null && !beforeRow) throw new AppError("not_found", "That listing does not exist.");
        const before = beforeRow ? toListingData(beforeRow) : null;
        const stale = async (id: number) => {
          const current = await loadRow(tx, id);
          return new StaleVersionError(
            await lastChange(tx, id),
            current ? toListingData(current) : data,
            current?.version ?? 0,
          );
        };
        // A save from an old version is refused before anything else is looked at.
        if (beforeRow && beforeRow.version !== options.expectedVersion) throw await stale(beforeRow.id);
        // A save of what is stored already writes nothing: no new version, revision or audit
        // entry, and no change a shopper, a cache or an API client could see.
        if (beforeRow && before && !Object.keys(diffSnapshots(before, asStoredOver(data, before))).length) {
          return {
            bookId: beforeRow.id,
            slug: before.slug,
            previousSlug: before.slug,
            version: beforeRow.version,
            status: before.status,
            diff: {},
            changed: false,
            taxonomyChanged: false,
          };
        }
        const categoryIds = await checkAgainstStore(tx, data, bookId);

        const publishedAt =
          data.status === "published" && !beforeRow?.publishedAt
            ? new Date()
            : (beforeRow?.publishedAt ?? null);
        const scalars = {
          slug: data.slug,
          title: data.title,
          subtitle: data.subtitle,
          description: data.description,
          teaser: data.teaser,
          status: data.status,
          languages: data.languages,
          seriesPosition: data.seriesPosition,
          publishedAt,
        };

        let id: number;
        let version: number;
        if (bookId === null || beforeRow === null) {
          const created = await tx.book.create({ data: scalars, select: { id: true, version: true } });
          id = created.id;
          version = created.version;
        } else {
          id = bookId;
          // Optimistic concurrency: only the save that still sees the version it started from wins.
          const updated = await tx.book.updateMany({
            where: { id, version: options.expectedVersion },
            data: { ...scalars, version: { increment: 1 } },
          });
          if (updated.count === 0) throw await stale(id);
          version = beforeRow.version + 1;
        }

        let taxonomyChanged = false;
        let seriesId: number | null = null;
        if (data.seriesName) {
          const series = await resolveSeries(tx, data.seriesName);
          seriesId = series.id;
          taxonomyChanged ||= series.created;
        }
        await tx.book.update({ where: { id }, data: { seriesId } });

        if (before && before.slug !== data.slug) {
          await tx.slugRedirect.upsert({
            where: { fromSlug: before.slug },
            create: { fromSlug: before.slug, bookId: id },
            update: { bookId: id },
          });
        }
        // The new slug is live again if it was an old address of this book.
        await tx.slugRedirect.deleteMany({ where: { fromSlug: data.slug } });

        await tx.bookCategory.deleteMany({ where: { bookId: id } });
        if (categoryIds.length) {
          await tx.bookCategory.createMany({
            data: categoryIds.map((categoryId, position) => ({ bookId: id, categoryId, position })),
          });
        }

        const credits: {
          bookId: number;
          contributorId: number;
          role: (typeof data.contributors)[0]["role"];
          position: number;
          note: string | null;
        }[] = [];
        for (const [position, credit] of data.contributors.entries()) {
          const contributor = await resolveContributor(tx, credit.name);
          taxonomyChanged ||= contributor.created;
          credits.push({
            bookId: id,
            contributorId: contributor.id,
            role: credit.role,
            position,
            note: credit.note,
          });
        }
        await tx.bookContributor.deleteMany({ where: { bookId: id } });
        if (credits.length) await tx.bookContributor.createMany({ data: credits });

        const existing = new Set(beforeRow?.editions.map((e) => e.id) ?? []);
        const kept = data.editions.flatMap((e) => (e.id && existing.has(e.id) ? [e.id] : []));
        await tx.edition.deleteMany({ where: { bookId: id, id: { notIn: kept.length ? kept : [-1] } } });
        // Clear the ISBNs being kept first, so two editions can swap them within one save.
        if (kept.length) {
          await tx.edition.updateMany({ where: { id: { in: kept } }, data: { isbn13: null } });
        }
        for (const [position, edition] of data.editions.entries()) {
          const fields = editionFields(edition, position);
          if (edition.id && existing.has(edition.id)) {
            await tx.edition.update({ where: { id: edition.id }, data: fields });
          } else {
            await tx.edition.create({ data: { ...fields, bookId: id } });
          }
        }

        const afterRow = await loadRow(tx, id);
        if (!afterRow) throw new AppError("not_found", "That listing does not exist.");
        const after = toListingData(afterRow);
        const diff = diffSnapshots(before, after);
        await tx.listingRevision.create({
          data: {
            bookId: id,
            version,
            actorId: options.actor.id,
            source: options.source ?? "admin",
            diff: diff as Prisma.InputJsonObject,
            snapshot: after,
          },
        });
        await recordAudit(tx, {
          actorId: options.actor.id,
          action: options.action,
          targetType: "Book",
          targetId: id,
          details: { slug: after.slug, version, fields: Object.keys(diff), ...options.auditDetails },
          ip: options.actor.ip ?? null,
        });
        return {
          bookId: id,
          slug: after.slug,
          previousSlug: before?.slug ?? null,
          version,
          status: after.status,
          diff,
          changed: true,
          taxonomyChanged,
        };
      },
      { timeout: 20_000 },
    );
  } catch (error) {
    const mapped = fromDatabaseError(error);
    if (mapped instanceof AppError && mapped.code === "unique_violation") {
      const target = mapped.details.target ?? [];
      const field = target.includes("isbn13") ? "editions" : target.includes("slug") ? "slug" : "form";
      throw new AppError("validation", "Check the highlighted fields.", {
        fields: { [field]: [field === "slug" ? "Slug already used by another book." : mapped.message] },
      });
    }
    throw mapped;
  }
}

function parseListing(input: unknown): ListingData {
  const parsed = listingSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation", "Check the highlighted fields.", {
      fields: fieldErrorsFrom(parsed.error),
    });
  }
  return parsed.data;
}

/** Creates a listing (version 1) from the schema's input. */
export async function createListing(
  db: Db,
  input: unknown,
  options: Omit<SaveOptions, "expectedVersion">,
): Promise<SaveResult> {
  return writeListing(db, parseListing(input), null, { ...options, action: "listing.created" });
}

/**
 * Saves a listing edited from `expectedVersion`. Refused with a StaleVersionError
 * (code stale_version) when someone saved in between: no last-save-wins.
 */
export async function saveListing(
  db: Db,
  bookId: number,
  input: unknown,
  options: SaveOptions,
): Promise<SaveResult> {
  return writeListing(db, parseListing(input), bookId, { ...options, action: "listing.updated" });
}

/** Restores an older revision's snapshot: itself a save (new revision, version check). */
export async function restoreRevision(
  db: Db,
  bookId: number,
  revisionId: number,
  options: SaveOptions,
): Promise<SaveResult> {
  const revision = await db.listingRevision.findFirst({ where: { id: revisionId, bookId } });
  if (!revision) throw new AppError("not_found", "That revision does not exist.");
  // A snapshot was valid when it was saved; the rules may have changed since (a new ceiling, a
  // retired format), so it passes today's schema like any other save before it is written.
  const snapshot = listingSchema.safeParse(listingInputFrom(readSnapshot(revision.snapshot)));
  if (!snapshot.success) {
    throw new AppError("validation", "This revision does not pass today's rules; edit the listing instead.", {
      fields: fieldErrorsFrom(snapshot.error),
    });
  }
  return writeListing(db, snapshot.data, bookId, {
    ...options,
    action: "listing.restored",
    auditDetails: { restoredFrom: revision.version },
  });
}

/**
 * The checks a save makes (the schema, then the store: slug, ISBNs, categories, removable
 * editions), writing nothing: the import's dry run. Field errors use the save's paths.
 */
export async function checkListing(
  db: Db,
  input: unknown,
  bookId: number | null,
): Promise<{ ok: true; data: ListingData } | { ok: false; fields: FieldErrors }> {
  try {
    const data = parseListing(input);
    await checkAgainstStore(db, data, bookId);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") {
      return { ok: false, fields: error.details.fields ?? { form: [error.message] } };
    }
    throw error;
  }
}

export interface StoredListing {
  id: number;
  version: number;
  data: ListingData;
}

/** Listings by id, as the editor loads them; missing ids are absent from the map. */
export async function getListings(db: Db, ids: number[]): Promise<Map<number, StoredListing>> {
  if (!ids.length) return new Map();
  const rows = await db.book.findMany({ where: { id: { in: ids } }, include: listingInclude });
  return new Map(rows.map((row) => [row.id, { id: row.id, version: row.version, data: toListingData(row) }]));
}

/** Book ids by current slug. */
export async function findBookIdsBySlug(db: Db, slugs: string[]): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const rows = await db.book.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

const MAX_LISTINGS_PAGE = 500;

/** Every listing, every status, in id order: one page after `afterId` (capped). */
export async function listListingsPage(
  db: Db,
  { afterId = 0, take = 200 }: { afterId?: number; take?: number } = {},
): Promise<StoredListing[]> {
  const rows = await db.book.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: Math.min(Math.max(take, 1), MAX_LISTINGS_PAGE),
    include: listingInclude,
  });
  return rows.map((row) => ({ id: row.id, version: row.version, data: toListingData(row) }));
}

export interface ListingForEdit {
  id: number;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
  data: ListingData;
  lastChange: LastChange | null;
}

export async function getListingForEdit(db: Db, bookId: number): Promise<ListingForEdit | null> {
  const row = await loadRow(db, bookId);
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    data: toListingData(row),
    lastChange: await lastChange(db, bookId),
  };
}

export interface RevisionView {
  id: number;
  version: number;
  by: string;
  source: string;
  at: string;
  diff: FieldDiff;
  /** The editions' currencies after this save, in edition order (prices are shown in them). */
  currencies: string[];
}

export const MAX_REVISIONS_PAGE = 100;

/** Newest first, capped. */
export async function listRevisions(db: Db, bookId: number, take = 50): Promise<RevisionView[]> {
  const rows = await db.listingRevision.findMany({
    where: { bookId },
    orderBy: { version: "desc" },
    take: Math.min(Math.max(take, 1), MAX_REVISIONS_PAGE),
    include: { actor: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    by: staffName(r.actor),
    source: r.source,
    at: r.createdAt.toISOString(),
    diff: (r.diff ?? {}) as FieldDiff,
    currencies: ((r.snapshot as Partial<ListingData> | null)?.editions ?? []).map((e) => e.currency),
  }));
}

/**
 * Choices for the form: every category and series (capped). A category is named with its parent
 * ("History › China") and listed under it, since a child's own name may say little.
 */
export async function listListingOptions(db: Db): Promise<{
  categories: { slug: string; name: string }[];
  series: string[];
}> {
  const [categories, series] = await Promise.all([
    db.category.findMany({
      select: { slug: true, name: true, parent: { select: { name: true } } },
      orderBy: [{ name: "asc" }],
      take: 500,
    }),
    db.series.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  return {
    categories: categories
      .map((c) => ({ slug: c.slug, name: c.parent ? `${c.parent.name} › ${c.name}` : c.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "en")),
    series: series.map((s) => s.name),
  };
}
