import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { openDatabase, type Database } from "@/lib/db/client";
import { listMigrations } from "@/lib/db/migrations";
import { createEmptyDatabase, testEngines } from "@/test/databases";
import { loadBrowseBooks } from "./catalog/browse/queries";
import { parseBrowseParams } from "./catalog/browse/query";
import { DEMO_ADMIN_EMAIL, setUpDatabase } from "./database-setup";

// What a demo server does before it serves (instrumentation-node.ts): on an empty database, and
// again on the next start, which must find nothing to do.
describe.each(testEngines())("setting a demo store's database up on %s", (engine) => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let database: Database;

  beforeAll(async () => {
    empty = await createEmptyDatabase(engine);
    database = await openDatabase(empty.url);
  });
  afterAll(async () => {
    await database?.close();
    await empty?.destroy();
  });

  it("migrates, seeds and creates the demo admin on an empty database, through one connection", async () => {
    const report = await setUpDatabase(database, { demoAdmin: true });
    expect(report.migrations).toEqual((await listMigrations()).migrationDirectories.map((m) => m.path));
    expect(report.seeded).toMatchObject({ books: 9, articles: 1 });
    const admin = await database.prisma.adminUser.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL } });
    expect(await verifyPassword(admin.passwordHash, report.demoAdminPassword!)).toBe(true);
    expect((await loadBrowseBooks(database.prisma, parseBrowseParams({}).query)).total).toBe(9);
    expect(await database.prisma.searchWord.count()).toBeGreaterThan(0);
  });

  it("does nothing on a restart: no migration, no seed row, no second admin", async () => {
    const report = await setUpDatabase(database, { demoAdmin: true });
    expect(report).toMatchObject({
      migrations: [],
      seeded: { books: 0, editions: 0, contributors: 0, categories: 0, series: 0, articles: 0 },
      demoAdminPassword: null,
    });
    expect(await database.prisma.adminUser.count()).toBe(1);
  });
});
