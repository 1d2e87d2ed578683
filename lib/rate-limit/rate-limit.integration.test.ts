import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { BatchedLimiter, consume, pruneExpiredBuckets, resetLimit } from "./index";

describe.each(testEngines())("rate limits on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db?.destroy());

  it("counts a fixed window, refuses past the limit, and starts again in the next window", async () => {
    const rule = { limit: 2, windowSeconds: 60 };
    const t = new Date("2030-01-01T00:00:10Z");
    expect(await consume(db.prisma, "k:seq", rule, t)).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
    });
    expect(await consume(db.prisma, "k:seq", rule, t)).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterSeconds: 0,
    });
    expect(await consume(db.prisma, "k:seq", rule, t)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 50,
    });
    expect((await consume(db.prisma, "k:other", rule, t)).allowed).toBe(true);
    const next = new Date("2030-01-01T00:01:00Z");
    expect(await consume(db.prisma, "k:seq", rule, next)).toEqual({
      allowed: true,
      remaining: 1,
      retryAfterSeconds: 0,
    });
    // A straggler still in the old window counts into the newer one rather than resetting it.
    expect((await consume(db.prisma, "k:seq", rule, t)).remaining).toBe(0);

    await resetLimit(db.prisma, "k:seq");
    expect((await consume(db.prisma, "k:seq", rule, next)).remaining).toBe(1);
    expect(await pruneExpiredBuckets(db.prisma, new Date("2030-01-01T00:05:00Z"))).toBe(2);
  });

  it.runIf(engine === "postgres")("is exact under 20 concurrent calls", async () => {
    const rule = { limit: 7, windowSeconds: 3600 };
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consume(db.prisma, "k:race", rule, now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    expect(results.map((r) => r.remaining).sort((a, b) => a - b)).toEqual([
      ...Array<number>(14).fill(0),
      1,
      2,
      3,
      4,
      5,
      6,
    ]);
    const bucket = await db.prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "k:race" } });
    expect(bucket.count).toBe(20);
  });

  const bucketCount = async (key: string) =>
    (await db.prisma.rateLimitBucket.findUnique({ where: { key } }))?.count ?? 0;

  describe("batched in memory (the read API)", () => {
    const hour = { windowSeconds: 3600 };

    it("admits exactly the limit from one process, however many arrive at once, and counts them all", async () => {
      const limiter = new BatchedLimiter({ flushMs: 60_000 });
      const rule = { limit: 30, ...hour };
      const now = new Date();
      const results = await Promise.all(
        Array.from({ length: 80 }, () => limiter.consume(db.prisma, "b:burst", rule, now)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(30);
      expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds > 0)).toBe(true);
      await limiter.flushAll();
      expect(await bucketCount("b:burst")).toBe(80);
    });

    it("writes far less often than it counts, and flushes what it holds", async () => {
      const limiter = new BatchedLimiter({ flushMs: 60_000 });
      const rule = { limit: 1000, ...hour };
      const now = new Date();
      for (let i = 0; i < 50; i++)
        expect((await limiter.consume(db.prisma, "b:quiet", rule, now)).allowed).toBe(true);
      // The window's first request went to the database; the other 49 wait in memory.
      expect(await bucketCount("b:quiet")).toBe(1);
      await limiter.flushAll();
      expect(await bucketCount("b:quiet")).toBe(50);
    });

    it("sees what other processes counted: a bucket already at the limit refuses the first request", async () => {
      const rule = { limit: 5, ...hour };
      const now = new Date();
      for (let i = 0; i < 5; i++) await consume(db.prisma, "b:shared", rule, now);
      const limiter = new BatchedLimiter({ flushMs: 60_000 });
      const [first, second] = await Promise.all([
        limiter.consume(db.prisma, "b:shared", rule, now),
        limiter.consume(db.prisma, "b:shared", rule, now),
      ]);
      expect(first?.allowed).toBe(false);
      expect(second?.allowed).toBe(false);
    });

    it("flushes on its own after flushMs", async () => {
      const limiter = new BatchedLimiter({ flushMs: 20 });
      const rule = { limit: 1000, ...hour };
      const now = new Date();
      for (let i = 0; i < 10; i++) await limiter.consume(db.prisma, "b:timer", rule, now);
      await expect.poll(() => bucketCount("b:timer"), { timeout: 5000 }).toBe(10);
    });
  });
});
