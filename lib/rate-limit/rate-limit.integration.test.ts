import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { consume, pruneExpiredBuckets, resetLimit } from "./index";

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
});
