import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { aggregatesFromRows, storedAggregates } from "@/test/rating-aggregates";
import { AppError } from "@/lib/errors";
import { listRatingsForModeration, moderateRating, moderationQuerySchema } from "./moderation";
import { submitRating } from "./store";

describe.each(testEngines())("rating moderation on %s", (engine) => {
  let db: TestDatabase;
  let bookIds: number[] = [];
  let nextBook = 0;
  let staffId = 0;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const catalog = await readSeedCatalog();
    await db.prisma.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
    bookIds = (
      await db.prisma.book.findMany({
        where: { status: "published" },
        select: { id: true },
        orderBy: { id: "asc" },
      })
    ).map((b) => b.id);
    staffId = (
      await db.prisma.adminUser.create({
        data: {
          email: `moderator-${engine}@test.invalid`,
          name: "Moderator",
          role: "editor",
          passwordHash: "x",
        },
      })
    ).id;
  });
  afterAll(async () => db?.destroy());

  const actor = () => ({ id: staffId, ip: "192.0.2.7" });

  function freshBook(): number {
    const id = bookIds[nextBook++];
    if (id === undefined) throw new Error("out of seed books");
    return id;
  }

  async function rate(bookId: number, stars: number, status: "pending" | "published" = "pending") {
    const created = await submitRating(db.prisma, {
      bookId,
      rating: { stars, title: `${stars} stars`, displayName: "Reader" },
      shopperKey: `shopper-${randomUUID()}`,
      ipHash: `ip-${randomUUID()}`,
      status,
    });
    return created.id;
  }

  const aggregates = (bookId: number) => storedAggregates(db.prisma, bookId);

  const fromRows = (bookId: number) => aggregatesFromRows(db.prisma, bookId);

  it("publishing a pending rating counts it; rejecting and deleting a published one uncounts it", async () => {
    const book = freshBook();
    await rate(book, 4, "published");
    const pending = await rate(book, 1);
    expect(await aggregates(book)).toEqual({ count: 1, sum: 4, average: 4 });

    const published = await moderateRating(db.prisma, pending, "publish", actor());
    expect(published).toMatchObject({ changed: true, previousStatus: "pending", decision: "publish" });
    expect(await aggregates(book)).toEqual({ count: 2, sum: 5, average: 2.5 });

    await moderateRating(db.prisma, pending, "reject", actor());
    expect(await aggregates(book)).toEqual({ count: 1, sum: 4, average: 4 });
    const row = await db.prisma.rating.findUniqueOrThrow({ where: { id: pending } });
    expect(row).toMatchObject({ status: "rejected", moderatorId: staffId });
    expect(row.moderatedAt).toBeInstanceOf(Date);

    await moderateRating(db.prisma, pending, "publish", actor());
    const deleted = await moderateRating(db.prisma, pending, "delete", actor());
    expect(deleted).toMatchObject({ changed: true, previousStatus: "published" });
    expect(await db.prisma.rating.findUnique({ where: { id: pending } })).toBeNull();
    expect(await aggregates(book)).toEqual({ count: 1, sum: 4, average: 4 });
    expect(await aggregates(book)).toEqual(await fromRows(book));
  });

  it("rejecting or deleting a pending rating leaves the numbers alone; repeating a decision changes nothing", async () => {
    const book = freshBook();
    await rate(book, 5, "published");
    const a = await rate(book, 2);
    const b = await rate(book, 3);
    await moderateRating(db.prisma, a, "reject", actor());
    await moderateRating(db.prisma, b, "delete", actor());
    expect(await aggregates(book)).toEqual({ count: 1, sum: 5, average: 5 });

    const again = await moderateRating(db.prisma, a, "reject", actor());
    expect(again.changed).toBe(false);
    const audits = await db.prisma.auditLog.findMany({
      where: { targetType: "Rating", targetId: String(a) },
    });
    expect(audits.map((entry) => entry.action)).toEqual(["rating.rejected"]);
  });

  it("a rating that does not exist is a not_found error", async () => {
    await expect(moderateRating(db.prisma, 987_654_321, "publish", actor())).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.code === "not_found",
    );
  });

  it("the queue lists pending ratings oldest first with their book, and counts each status", async () => {
    const book = freshBook();
    const first = await rate(book, 2);
    const second = await rate(book, 5);
    const page = await listRatingsForModeration(db.prisma, moderationQuerySchema.parse({}));
    const ids = page.rows.map((row) => row.id);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(page.rows.every((row) => row.status === "pending")).toBe(true);
    expect(page.rows.find((row) => row.id === first)?.book.id).toBe(book);
    expect(page.counts.pending).toBe(await db.prisma.rating.count({ where: { status: "pending" } }));

    await moderateRating(db.prisma, first, "publish", actor());
    const published = await listRatingsForModeration(
      db.prisma,
      moderationQuerySchema.parse({ status: "published" }),
    );
    expect(published.rows[0]).toMatchObject({ id: first, moderator: `moderator-${engine}@test.invalid` });
  });

  it("bad queue parameters fall back to the pending first page", () => {
    expect(moderationQuerySchema.parse({ status: "spam", page: "-3" })).toEqual({
      status: "pending",
      page: 1,
    });
  });

  it.runIf(engine === "postgres")(
    "moderation racing new ratings and other moderators keeps the aggregates exact",
    async () => {
      const book = freshBook();
      const pending = await Promise.all(Array.from({ length: 12 }, (_, i) => rate(book, (i % 5) + 1)));
      await Promise.all([
        ...pending.map((id, i) => moderateRating(db.prisma, id, i % 3 === 0 ? "reject" : "publish", actor())),
        // A second moderator deciding the same ratings at the same time.
        ...pending.slice(0, 6).map((id) => moderateRating(db.prisma, id, "publish", actor())),
        ...Array.from({ length: 8 }, (_, i) => rate(book, (i % 5) + 1, "published")),
      ]);
      expect(await aggregates(book)).toEqual(await fromRows(book));
    },
    120_000,
  );
});
