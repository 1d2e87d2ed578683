// Ebook files and downloads over a real database: the demo sample of the featured book passes
// Debian's epubcheck; uploads are judged by content and bad ones change nothing; a grant serves
// up to its limit (exactly, under concurrency on PostgreSQL), logs every attempt, and closes on
// a refund.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { createGrants, startDownload } from "./downloads";
import { EBOOK_MAX_BYTES } from "./files";
import { DOWNLOAD_LIMIT } from "./links";
import { SAMPLE_NOTICE } from "./sample-epub";
import { ensureSampleFile, saveEbookFile } from "./store";

const run = promisify(execFile);
const EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar";

const pdf = strToU8("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe.each(testEngines())("ebooks on %s", (engine) => {
  let db: TestDatabase;
  let ebookId: number;
  let paperbackId: number;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.prisma.$transaction(async (tx) => seedCatalog(tx, await readSeedCatalog()), { timeout: 60_000 });
    ebookId = (
      await db.prisma.edition.findFirstOrThrow({
        where: { book: { slug: "mao-stalin-and-the-korean-war" }, format: "ebook" },
      })
    ).id;
    paperbackId = (
      await db.prisma.edition.findFirstOrThrow({ where: { book: { slug: "animales-wordbooks" } } })
    ).id;
  });
  afterAll(async () => db?.destroy());

  async function paidOrder(): Promise<{ orderId: string; grantId: string }> {
    const order = await db.prisma.order.create({
      data: {
        number: `QB-TEST-${Math.random().toString(36).slice(2, 8)}`,
        accessTokenHash: Math.random().toString(36),
        status: "paid",
        currency: "USD",
        subtotalMinor: 3999,
        totalMinor: 3999,
        provider: "stub",
        items: {
          create: [
            {
              editionId: ebookId,
              bookTitle: "Mao, Stalin and the Korean War",
              format: "ebook",
              unitPriceMinor: 3999,
              quantity: 1,
              lineTotalMinor: 3999,
            },
          ],
        },
      },
    });
    await createGrants(db.prisma, order.id, [
      { editionId: ebookId, format: "ebook", bookTitle: "Mao, Stalin and the Korean War" },
      { editionId: paperbackId, format: "paperback", bookTitle: "Animales Wordbooks" },
    ]);
    const grants = await db.prisma.downloadGrant.findMany({ where: { orderId: order.id } });
    expect(grants).toHaveLength(1);
    return { orderId: order.id, grantId: grants[0]!.id };
  }

  const attempt = { ipHash: null, userAgent: "vitest", demo: true };

  it.runIf(engine === "pglite")(
    "makes the featured book's sample from its listing, and epubcheck finds nothing wrong",
    async () => {
      await db.prisma.ebookFile.deleteMany({ where: { editionId: ebookId } });
      expect(await ensureSampleFile(db.prisma, ebookId)).toBe(true);
      const file = await db.prisma.ebookFile.findUniqueOrThrow({ where: { editionId: ebookId } });
      expect(file).toMatchObject({ sample: true, mediaType: "application/epub+zip" });
      const dir = await mkdtemp(path.join(tmpdir(), "epubcheck-"));
      try {
        const epub = path.join(dir, "sample.epub");
        await writeFile(epub, file.content);
        const { stdout } = await run("java", ["-jar", EPUBCHECK_JAR, epub], { timeout: 120_000 }).catch(
          (error: { stdout?: string; stderr?: string }) => {
            throw new Error(`epubcheck refused the sample:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
          },
        );
        expect(stdout).toContain("No errors or warnings detected.");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      // Its pages: the title page, the credits, the description and the featured article, each marked as a sample.
      const { unzipSync, strFromU8 } = await import("fflate");
      const files = unzipSync(file.content);
      const text = Object.entries(files)
        .filter(([name]) => name.endsWith(".xhtml"))
        .map(([, bytes]) => strFromU8(bytes))
        .join("\n");
      expect(text).toContain("Mao, Stalin and the Korean War");
      expect(text).toContain("Sandeep Balakrishna");
      expect(text).toContain("Shen Zihua");
      expect(text).toContain("relations between China and the Soviet Union");
      expect(text).toContain("The Origins of the Korean War");
      expect(text.split(SAMPLE_NOTICE.slice(0, 37)).length - 1).toBeGreaterThanOrEqual(4);
    },
  );

  it("stores an EPUB or PDF judged by content, and refuses the rest without changing anything", async () => {
    const epub = zipSync({
      mimetype: [strToU8("application/epub+zip"), { level: 0 }],
      "META-INF/container.xml": strToU8("<container/>"),
    });
    const upload = (bytes: Uint8Array, fileName = "book.epub") =>
      saveEbookFile(db.prisma, ebookId, { fileName, bytes, uploadedById: null });
    expect(await upload(pdf, "named-wrongly.epub")).toMatchObject({
      ok: true,
      kind: { mediaType: "application/pdf" },
    });
    const before = await db.prisma.ebookFile.findUniqueOrThrow({ where: { editionId: ebookId } });
    expect(await upload(strToU8("just text"), "book.pdf")).toEqual({ ok: false, problem: "not_ebook" });
    expect(await upload(zipSync({ "a.txt": strToU8("x") }))).toEqual({ ok: false, problem: "bad_epub" });
    expect(await upload(new Uint8Array(EBOOK_MAX_BYTES + 1))).toEqual({ ok: false, problem: "too_large" });
    expect(
      await saveEbookFile(db.prisma, paperbackId, { fileName: "x.pdf", bytes: pdf, uploadedById: null }),
    ).toEqual({ ok: false, problem: "not_ebook_edition" });
    expect(await db.prisma.ebookFile.findUniqueOrThrow({ where: { editionId: ebookId } })).toEqual(before);
    expect(await upload(epub)).toMatchObject({ ok: true, kind: { mediaType: "application/epub+zip" } });
  });

  it("serves a grant up to its limit, logs every attempt and closes on a refund", async () => {
    const { orderId, grantId } = await paidOrder();
    for (let i = 0; i < DOWNLOAD_LIMIT; i++) {
      const served = await startDownload(db.prisma, grantId, attempt);
      expect(served).toMatchObject({ ok: true, remaining: DOWNLOAD_LIMIT - i - 1 });
    }
    expect(await startDownload(db.prisma, grantId, attempt)).toEqual({ ok: false, reason: "limit" });
    expect(await startDownload(db.prisma, grantId, { ...attempt, expired: true })).toEqual({
      ok: false,
      reason: "expired",
    });

    const { grantId: second } = await paidOrder().then(async (o) => {
      await db.prisma.order.update({ where: { id: o.orderId }, data: { status: "refunded" } });
      return o;
    });
    expect(await startDownload(db.prisma, second, attempt)).toEqual({ ok: false, reason: "refunded" });
    expect(await startDownload(db.prisma, "00000000-0000-4000-8000-000000000000", attempt)).toEqual({
      ok: false,
      reason: "unknown",
    });

    const log = await db.prisma.downloadLog.findMany({
      where: { grant: { orderId } },
      orderBy: { id: "asc" },
    });
    expect(log.map((entry) => entry.outcome)).toEqual([
      ...Array.from({ length: DOWNLOAD_LIMIT }, () => "served"),
      "refused: limit",
      "refused: expired",
    ]);
    expect((await db.prisma.downloadGrant.findUniqueOrThrow({ where: { id: grantId } })).downloadCount).toBe(
      DOWNLOAD_LIMIT,
    );
  });

  it("without a file outside demo mode, refuses without using up a download", async () => {
    const { grantId } = await paidOrder();
    const saved = await db.prisma.ebookFile.findUniqueOrThrow({ where: { editionId: ebookId } });
    await db.prisma.ebookFile.delete({ where: { editionId: ebookId } });
    try {
      expect(await startDownload(db.prisma, grantId, { ...attempt, demo: false })).toEqual({
        ok: false,
        reason: "no_file",
      });
      expect(
        (await db.prisma.downloadGrant.findUniqueOrThrow({ where: { id: grantId } })).downloadCount,
      ).toBe(0);
    } finally {
      await db.prisma.ebookFile.create({ data: { ...saved, id: undefined } });
    }
  });

  it.runIf(engine === "postgres")("serves exactly the limit when 20 downloads race", async () => {
    const { grantId } = await paidOrder();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => startDownload(db.prisma, grantId, attempt)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(DOWNLOAD_LIMIT);
    expect(results.filter((r) => !r.ok && r.reason === "limit")).toHaveLength(20 - DOWNLOAD_LIMIT);
  });
});
