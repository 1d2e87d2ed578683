// npm run db:backup / db:restore as an operator runs them (the real commands, in a child process),
// on both databases: a store with an order, a rating, a listing revision, an uploaded cover and an
// ebook file comes back whole in an empty database; every refusal leaves the target as it was.
// e2e/backup.spec.ts compares the pages a restored store serves.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitRating } from "@/lib/catalog/ratings/store";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { addToCart } from "@/lib/checkout/cart/store";
import { DEFAULT_SHIPPING_ZONES } from "@/lib/checkout/cart/shipping";
import { createPendingOrder, findOrderByToken } from "@/lib/checkout/orders/store";
import { readCoverImage, saveCover } from "@/lib/covers/store";
import { saveEbookFile } from "@/lib/ebooks/store";
import { createEmptyDatabase, testEngines } from "@/test/databases";
import { openDatabase } from "./client";
import { deployMigrations } from "./migrations";

const execFileAsync = promisify(execFile);
const PRICING = { zones: DEFAULT_SHIPPING_ZONES, secret: "integration-session-secret-0123456789abcdef" };
const COVERED = "mao-stalin-and-the-korean-war";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command as `npm run db:backup` / `db:restore` run it. */
async function command(databaseUrl: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/ops/db-backup.ts", ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 240_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every table's row count and a digest of its rows: equal fingerprints, equal data (bytes included). */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const db = await openDatabase(url);
  try {
    const tables = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await db.prisma.$queryRawUnsafe<{ n: number; digest: string | null }[]>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${name}" t`,
      );
      result[name] = `${row?.n} ${row?.digest ?? "-"}`;
    }
    return result;
  } finally {
    await db.close();
  }
}

describe.each(testEngines())("db:backup and db:restore on %s", (engine) => {
  const cleanup: (() => Promise<void>)[] = [];
  let dir: string;
  let source: string;
  let token: string;
  let cover: Buffer;
  let before: Record<string, string>;

  async function emptyDatabase(): Promise<string> {
    const empty = await createEmptyDatabase(engine);
    cleanup.push(empty.destroy);
    return empty.url;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "bookstore-backup-"));
    source = await emptyDatabase();
    await deployMigrations(source);
    const db = await openDatabase(source);
    const prisma = db.prisma;
    const catalog = await readSeedCatalog();
    await prisma.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
    const book = await prisma.book.findUniqueOrThrow({
      where: { slug: COVERED },
      select: { id: true, editions: { select: { id: true, format: true } } },
    });
    const ebook = book.editions.find((edition) => edition.format === "ebook")!;
    cover = await sharp({ create: { width: 400, height: 600, channels: 3, background: "#23395d" } })
      .jpeg()
      .toBuffer();
    expect((await saveCover(prisma, book.id, { bytes: cover, uploadedById: null })).ok).toBe(true);
    expect(
      (await saveEbookFile(prisma, ebook.id, { fileName: "korea.pdf", bytes: PDF, uploadedById: null })).ok,
    ).toBe(true);
    await submitRating(prisma, {
      bookId: book.id,
      rating: { stars: 4, title: "Kept", body: "Survives a restore." },
      shopperKey: "backup-shopper",
      ipHash: null,
      status: "published",
    });
    await prisma.listingRevision.create({
      data: {
        bookId: book.id,
        version: 2,
        source: "admin",
        diff: { title: ["a", "b"] },
        snapshot: { title: "b" },
      },
    });
    const { cartId } = await addToCart(prisma, null, { editionId: String(ebook.id) });
    token = (await createPendingOrder(prisma, cartId, "stub", PRICING)).accessToken;
    // PGlite is one process: the commands open the directory only once the store has let go of it.
    await db.close();
    before = await fingerprint(source);
  });
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    await rm(dir, { recursive: true, force: true });
  });

  it("restores a store into an empty database, whole: orders by token, covers, ebook files", async () => {
    const file = path.join(dir, `store.${engine}`);
    const backup = await command(source, "backup", "--out", file);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`file       ${file}`);
    expect(backup.stdout).toMatch(/size {7}\d+(\.\d)? (B|KB|MB)/);
    expect(backup.stdout).toMatch(/orders +1\n/);
    expect(backup.stdout).toMatch(/ebook files +1\n/);

    const again = await command(source, "backup", "--out", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const target = await emptyDatabase();
    const restore = await command(target, "restore", file);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain("migrations applied   none");
    expect(restore.stdout).toMatch(/ratings +1\n/);
    expect(await fingerprint(target)).toEqual(before);

    const restored = await openDatabase(target);
    try {
      const book = await restored.prisma.book.findUniqueOrThrow({ where: { slug: COVERED } });
      const order = await findOrderByToken(restored.prisma, token);
      expect(order?.items.map((item) => item.bookTitle)).toEqual([book.title]);
      expect(
        Buffer.from((await readCoverImage(restored.prisma, book.id, "original", null))!.content),
      ).toEqual(cover);
      const ebook = await restored.prisma.ebookFile.findFirstOrThrow({
        where: { edition: { bookId: book.id } },
      });
      expect(Buffer.from(ebook.content)).toEqual(PDF);
    } finally {
      await restored.close();
    }

    // A second restore over it is refused without --force, and replaces it with --force.
    const refused = await command(target, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is not empty");
    expect(refused.stderr).toContain("--force");
    const forced = await command(target, "restore", file, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("(replacing what it held)");
    expect(await fingerprint(target)).toEqual(before);
  });

  it("refuses what is not this store's backup, and changes nothing", async () => {
    const target = await emptyDatabase();
    const garbage = path.join(dir, "notes.txt");
    await writeFile(garbage, "not a backup at all, whatever its name says\n".repeat(20));
    const otherKind = path.join(dir, "other-kind");
    await writeFile(
      otherKind,
      engine === "postgres" ? gzipSync(Buffer.alloc(1024)) : Buffer.from("PGDMP\x01\x0e"),
    );
    const cases: [string[], RegExp][] = [
      [["restore", path.join(dir, "missing.dump")], /No such file/],
      [["restore", garbage], /is not a backup made by db:backup/],
      [["restore", otherKind], engine === "postgres" ? /is a PGlite backup/ : /is a PostgreSQL backup/],
      [["restore"], /usage: npm run db:restore -- <backup file> \[--force\]/],
    ];
    for (const [args, message] of cases) {
      const outcome = await command(target, ...args);
      expect(outcome.code, args.join(" ")).toBeGreaterThan(0);
      expect(outcome.stderr, args.join(" ")).toMatch(message);
    }
    const db = await openDatabase(target);
    try {
      const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`;
      expect(row?.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  // The schema check is one function for both kinds; on PGlite every command opens the Wasm
  // database several times, so this part runs on PostgreSQL only (npm test's time).
  it.skipIf(engine === "pglite")(
    "brings an older backup to this code's schema, and refuses a newer release's",
    async () => {
      const latest = await latestMigration(source);
      // An older store: the latest migration not yet recorded (it is idempotent: CREATE OR REPLACE).
      await editMigrations(source, `DELETE FROM _prisma_migrations WHERE migration_name = '${latest}'`);
      const older = path.join(dir, "older");
      expect((await command(source, "backup", "--out", older)).code).toBe(0);
      const target = await emptyDatabase();
      const restore = await command(target, "restore", older);
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain(`migrations applied   ${latest}`);
      expect(await latestMigration(target)).toBe(latest);

      // A newer release's store: a migration this code does not know.
      await editMigrations(
        source,
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('future', 'x', '29991231000000_future', now(), 1)`,
      );
      const newer = path.join(dir, "newer");
      expect((await command(source, "backup", "--out", newer)).code).toBe(0);
      const untouched = await emptyDatabase();
      const refused = await command(untouched, "restore", newer);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("was made by a newer release");
      expect(refused.stderr).toContain("29991231000000_future");
    },
  );
});

async function latestMigration(url: string): Promise<string> {
  const db = await openDatabase(url);
  try {
    const [row] = await db.prisma.$queryRaw<{ name: string }[]>`
      SELECT max(migration_name) AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    return row?.name ?? "";
  } finally {
    await db.close();
  }
}

async function editMigrations(url: string, sql: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    await db.prisma.$executeRawUnsafe(sql);
  } finally {
    await db.close();
  }
}
