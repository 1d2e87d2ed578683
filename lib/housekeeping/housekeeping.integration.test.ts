import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { deleteUnreachableRows } from "./index";

describe.each(testEngines())("housekeeping on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db?.destroy());

  it("deletes finished rate-limit windows, expired sessions and carts past their cookie, and nothing live", async () => {
    const now = new Date("2030-06-01T12:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const { prisma } = db;
    await prisma.rateLimitBucket.createMany({
      data: [
        { key: "done", count: 3, windowStart: ago(1), expiresAt: ago(0.5) },
        { key: "running", count: 1, windowStart: now, expiresAt: new Date(now.getTime() + 60_000) },
      ],
    });
    const user = await prisma.adminUser.create({
      data: { email: "hk@example.com", name: "HK", passwordHash: "x" },
    });
    await prisma.adminSession.createMany({
      data: [
        { tokenHash: "expired", userId: user.id, createdAt: ago(1), expiresAt: ago(0.5) },
        {
          tokenHash: "live",
          userId: user.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
        },
      ],
    });
    const abandoned = await prisma.cart.create({ data: { createdAt: ago(31) } });
    const recent = await prisma.cart.create({ data: { createdAt: ago(29) } });

    expect(await deleteUnreachableRows(prisma, now)).toEqual({
      rateLimitBuckets: 1,
      adminSessions: 1,
      carts: 1,
    });

    expect((await prisma.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["running"]);
    expect((await prisma.adminSession.findMany()).map((s) => s.tokenHash)).toEqual(["live"]);
    expect((await prisma.cart.findMany()).map((c) => c.id)).toEqual([recent.id]);
    expect(await prisma.cart.findUnique({ where: { id: abandoned.id } })).toBeNull();
    // A second run finds nothing more.
    expect(await deleteUnreachableRows(prisma, now)).toEqual({
      rateLimitBuckets: 0,
      adminSessions: 0,
      carts: 0,
    });
  });
});
