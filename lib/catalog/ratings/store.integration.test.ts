import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { aggregatesFromRows, storedAggregates } from "@/test/rating-aggregates";
import { AppError } from "@/lib/errors";
import { ratingAverage, loadRatingDistribution } from "./summary";
import { RATING_IP_LIMIT, recomputeRatingAggregates, submitRating } from "./store";

const SECRETLESS = (label: string) => `${label}-${randomUUID()}`;

describe.each(testEngines())("shopper ratings on %s", (engine) => {
  let db: TestDatabase;
  let nextBook = 0;
  let bookIds: number[] = [];

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
  });
  afterAll(async () => db?.destroy());

  /** A book no other test in this file has rated. */
  function freshBook(): number {
    const id = bookIds[nextBook++];
    if (id === undefined) throw new Error("out of seed books");
    return id;
  }

  const aggregates = (bookId: number) => storedAggregates(db.prisma, bookId);

  const fromRows = (bookId: number) => aggregatesFromRows(db.prisma, bookId);

  function rate(bookId: number, stars: unknown, extra: Partial<Parameters<typeof submitRating>[1]> = {}) {
    return submitRating(db.prisma, {
      bookId,
      rating: { stars },
      shopperKey: SECRETLESS("shopper"),
      ipHash: SECRETLESS("ip"),
      status: "published",
      ...extra,
    });
  }

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("a published rating updates count, sum and average, equal to the rows", async () => {
    const bookId = freshBook();
    const created = await rate(bookId, 4, {});
    expect(created).toMatchObject({ stars: 4, status: "published", title: null });
    await rate(bookId, 5);
    await rate(bookId, 2);
    expect(await aggregates(bookId)).toEqual({ count: 3, sum: 11, average: 3.67 });
    expect(await aggregates(bookId)).toEqual(await fromRows(bookId));
    expect(await loadRatingDistribution(db.prisma, bookId)).toMatchObject({ count: 3, average: 3.67 });
  });

  it("an invalid rating stores nothing and changes no aggregate", async () => {
    const bookId = freshBook();
    await rate(bookId, 3);
    const before = await aggregates(bookId);
    for (const stars of [0, 6, 2.5, "abc", undefined]) {
      expect((await refusal(rate(bookId, stars))).code).toBe("validation");
    }
    const tooLong = await refusal(
      submitRating(db.prisma, {
        bookId,
        rating: { stars: 5, body: "x".repeat(5000) },
        shopperKey: SECRETLESS("shopper"),
        ipHash: SECRETLESS("ip"),
        status: "published",
      }),
    );
    expect(tooLong.details.fields?.body).toBeDefined();
    expect(await aggregates(bookId)).toEqual(before);
    expect(await db.prisma.rating.count({ where: { bookId } })).toBe(1);
  });

  it("a second rating by the same shopper is refused and changes no aggregate", async () => {
    const bookId = freshBook();
    const shopperKey = SECRETLESS("shopper");
    await rate(bookId, 5, { shopperKey });
    const before = await aggregates(bookId);
    const error = await refusal(rate(bookId, 1, { shopperKey }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("You have already rated this book.");
    expect(await aggregates(bookId)).toEqual(before);
    // The same shopper may rate another book.
    await rate(freshBook(), 2, { shopperKey });
  });

  it("the sixth rating from one IP within the window is refused and changes no aggregate", async () => {
    const bookId = freshBook();
    const ipHash = SECRETLESS("ip");
    for (let i = 0; i < RATING_IP_LIMIT.limit; i++) await rate(bookId, 4, { ipHash });
    const before = await aggregates(bookId);
    expect(before).toEqual({ count: 5, sum: 20, average: 4 });
    const error = await refusal(rate(bookId, 1, { ipHash }));
    expect(error.code).toBe("rate_limited");
    expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await aggregates(bookId)).toEqual(before);
    expect(await db.prisma.rating.count({ where: { bookId } })).toBe(5);
  });

  it("a pending rating (moderation on) is stored but changes no aggregate until published", async () => {
    const bookId = freshBook();
    await rate(bookId, 5);
    const before = await aggregates(bookId);
    const pending = await rate(bookId, 1, { status: "pending" });
    expect(pending.status).toBe("pending");
    expect(await aggregates(bookId)).toEqual(before);
    expect(await loadRatingDistribution(db.prisma, bookId)).toMatchObject({ count: 1, average: 5 });

    // Moderation publishes it and recomputes in the same transaction.
    await db.prisma.$transaction(async (tx) => {
      await tx.rating.update({ where: { id: pending.id }, data: { status: "published" } });
      await recomputeRatingAggregates(tx, bookId);
    });
    expect(await aggregates(bookId)).toEqual({ count: 2, sum: 6, average: 3 });
    await db.prisma.$transaction(async (tx) => {
      await tx.rating.update({ where: { id: pending.id }, data: { status: "rejected" } });
      await recomputeRatingAggregates(tx, bookId);
    });
    expect(await aggregates(bookId)).toEqual({ count: 1, sum: 5, average: 5 });
  });

  it("recomputes an empty book to zero", async () => {
    const bookId = freshBook();
    await recomputeRatingAggregates(db.prisma, bookId);
    expect(await aggregates(bookId)).toEqual({ count: 0, sum: 0, average: 0 });
  });

  it.runIf(engine === "postgres")(
    "20 concurrent ratings by different shoppers keep the aggregates exact",
    async () => {
      const bookId = freshBook();
      const stars = Array.from({ length: 20 }, (_, i) => (i % 5) + 1).map((s, i) => (i % 3 === 0 ? 5 : s));
      await Promise.all(stars.map((s) => rate(bookId, s)));
      const expected = { count: 20, sum: stars.reduce((a, b) => a + b, 0) };
      const after = await aggregates(bookId);
      expect(after).toEqual({ ...expected, average: ratingAverage(expected.sum, 20) });
      expect(after).toEqual(await fromRows(bookId));
      expect(await loadRatingDistribution(db.prisma, bookId)).toMatchObject({
        count: 20,
        average: after.average,
      });
    },
  );

  it.runIf(engine === "postgres")(
    "concurrent ratings and moderation recomputes stay exact together",
    async () => {
      const bookId = freshBook();
      const pending = await Promise.all([1, 2, 3].map((s) => rate(bookId, s, { status: "pending" })));
      const published = Array.from({ length: 20 }, (_, i) => (i % 4) + 2);
      await Promise.all([
        ...published.map((s) => rate(bookId, s)),
        ...pending.map((p) =>
          db.prisma.$transaction(async (tx) => {
            await tx.rating.update({ where: { id: p.id }, data: { status: "published" } });
            await recomputeRatingAggregates(tx, bookId);
          }),
        ),
      ]);
      const after = await aggregates(bookId);
      expect(after.count).toBe(23);
      expect(after.sum).toBe(published.reduce((a, b) => a + b, 0) + 6);
      expect(after).toEqual(await fromRows(bookId));
    },
  );
});
