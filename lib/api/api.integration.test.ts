import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { databaseAnswers } from "@/lib/db/readiness";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { limitApiClient } from "./rate-limit";

describe.each(testEngines())("API infrastructure on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db?.destroy());

  it("answers 429 with Retry-After once a client's allowance is used up", async () => {
    const now = new Date("2026-11-27T10:00:10Z");
    for (let i = 1; i <= 3; i++) {
      const { headers, refused } = await limitApiClient(db.prisma, "ip:203.0.113.7", 3, null, now);
      expect(refused).toBeNull();
      expect(headers["ratelimit-remaining"]).toBe(String(3 - i));
    }
    const { refused } = await limitApiClient(db.prisma, "ip:203.0.113.7", 3, "req-12345678", now);
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get("retry-after")).toBe("50");
    expect(refused?.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused?.json()).toMatchObject({ type: "/problems/rate-limited", status: 429 });
    // Another client, and the next minute, are unaffected.
    expect((await limitApiClient(db.prisma, "ip:203.0.113.8", 3, null, now)).refused).toBeNull();
    expect(
      (await limitApiClient(db.prisma, "ip:203.0.113.7", 3, null, new Date("2026-11-27T10:01:00Z"))).refused,
    ).toBeNull();
  });

  it("reports the database reachable", async () => {
    expect(await databaseAnswers(db.prisma)).toBe(true);
  });
});

describe("readiness without a database", () => {
  it("reports an unreachable PostgreSQL as not ready, quickly", async () => {
    const unreachable = await openDatabase("postgresql://postgres@127.0.0.1:1/nothing");
    const started = Date.now();
    expect(await databaseAnswers(unreachable.prisma, 1500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    await unreachable.close().catch(() => {});
  });
});
