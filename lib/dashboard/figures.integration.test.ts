// The dashboard's figures over a real database: sales by UTC day and ISO week (paid orders only,
// per currency), ratings waiting, drafts, and ebook editions whose buyers would get no file.
import { strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAdminBooks, adminListQuerySchema } from "@/lib/catalog/listings/admin-list";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { saveEbookFile } from "@/lib/ebooks/store";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { dashboardFigures } from "./figures";

// A Wednesday afternoon: the week began on Monday 2026-11-30 00:00 UTC.
const NOW = new Date("2026-12-02T15:00:00Z");
const pdf = strToU8("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

describe.each(testEngines())("dashboard figures on %s", (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.prisma.$transaction(async (tx) => seedCatalog(tx, await readSeedCatalog()), { timeout: 60_000 });
  });
  afterAll(async () => db?.destroy());

  let orderNumber = 0;
  const order = (
    status: "pending" | "paid" | "expired" | "refunded",
    createdAt: string,
    totalMinor: number,
    currency = "USD",
  ) =>
    db.prisma.order.create({
      data: {
        number: `QB-DASH-${++orderNumber}`,
        accessTokenHash: `dash-${engine}-${orderNumber}`,
        status,
        currency,
        subtotalMinor: totalMinor,
        totalMinor,
        provider: "stub",
        createdAt: new Date(createdAt),
      },
    });

  it("counts today's and this week's paid orders and their revenue per currency", async () => {
    expect(await dashboardFigures(db.prisma, NOW)).toMatchObject({
      today: { orders: 0, revenue: [] },
      week: { orders: 0, revenue: [] },
    });
    await order("paid", "2026-12-02T00:00:00Z", 3999); // today, the first second
    await order("paid", "2026-12-02T14:59:00Z", 1500);
    await order("paid", "2026-12-02T09:00:00Z", 2000, "EUR");
    await order("refunded", "2026-12-02T10:00:00Z", 9999); // refunded: in neither figure
    await order("pending", "2026-12-02T11:00:00Z", 9999); // a checkout not paid
    await order("expired", "2026-12-02T11:30:00Z", 9999);
    await order("paid", "2026-12-01T23:59:59Z", 1000); // yesterday: this week only
    await order("paid", "2026-11-30T00:00:00Z", 500); // Monday 00:00: this week
    await order("paid", "2026-11-29T23:59:59Z", 7777); // last Sunday: neither
    const figures = await dashboardFigures(db.prisma, NOW);
    expect(figures.today).toMatchObject({
      orders: 3,
      revenue: [
        { currency: "USD", amountMinor: 5499 },
        { currency: "EUR", amountMinor: 2000 },
      ],
    });
    expect(figures.week).toMatchObject({
      orders: 5,
      revenue: [
        { currency: "USD", amountMinor: 6999 },
        { currency: "EUR", amountMinor: 2000 },
      ],
    });
  });

  it("counts ratings waiting for moderation and drafts", async () => {
    const before = await dashboardFigures(db.prisma, NOW);
    const book = await db.prisma.book.findFirstOrThrow({ where: { status: "published" } });
    for (const [i, status] of (["pending", "pending", "published", "rejected"] as const).entries()) {
      await db.prisma.rating.create({ data: { bookId: book.id, stars: 4, status, shopperKey: `dash-${i}` } });
    }
    await db.prisma.book.create({ data: { slug: "a-dashboard-draft", title: "A draft" } });
    await db.prisma.book.create({ data: { slug: "a-hidden-one", title: "Hidden", status: "hidden" } });
    const after = await dashboardFigures(db.prisma, NOW);
    expect(after.ratingsWaiting).toBe(before.ratingsWaiting + 2);
    expect(after.drafts).toBe(before.drafts + 1);
  });

  it("counts books without an uploaded cover, as the books list's filter finds them", async () => {
    const total = await db.prisma.book.count();
    const before = await dashboardFigures(db.prisma, NOW);
    expect(before.booksWithoutCover).toBe(total);
    const book = await db.prisma.book.findFirstOrThrow({ where: { status: "published" } });
    await db.prisma.book.update({
      where: { id: book.id },
      data: { coverVersion: "0123456789abcdef", coverWidth: 600, coverHeight: 900 },
    });
    expect((await dashboardFigures(db.prisma, NOW)).booksWithoutCover).toBe(total - 1);
    const listed = await listAdminBooks(
      db.prisma,
      adminListQuerySchema.parse({ missing: "cover", pageSize: "100" }),
    );
    expect(listed.total).toBe(total - 1);
    expect(listed.rows.map((r) => r.slug)).not.toContain(book.slug);
  });

  it("counts ebook editions on sale without an uploaded file, as the books list's filter finds them", async () => {
    const missing = async () => ({
      count: (await dashboardFigures(db.prisma, NOW)).ebooksWithoutFile,
      slugs: (
        await listAdminBooks(
          db.prisma,
          adminListQuerySchema.parse({ missing: "ebook-file", pageSize: "100" }),
        )
      ).rows.map((r) => r.slug),
    });
    const ebooks = await db.prisma.edition.findMany({
      where: { format: "ebook" },
      select: { id: true, book: { select: { slug: true } } },
      orderBy: { id: "asc" },
    });
    expect(ebooks.length).toBeGreaterThanOrEqual(3);
    const [uploaded, sampled, discontinued] = ebooks;
    const start = await missing();
    expect(start.count).toBe(ebooks.length);
    expect(start.slugs).toContain(uploaded!.book.slug);

    expect(
      await saveEbookFile(db.prisma, uploaded!.id, { fileName: "b.pdf", bytes: pdf, uploadedById: null }),
    ).toMatchObject({ ok: true });
    // The demo store's sample is not the publisher's file: still missing.
    await db.prisma.ebookFile.create({
      data: {
        editionId: sampled!.id,
        fileName: "s.epub",
        mediaType: "application/epub+zip",
        byteSize: 1,
        sha256: "x",
        content: new Uint8Array([1]),
        sample: true,
      },
    });
    await db.prisma.edition.update({
      where: { id: discontinued!.id },
      data: { availability: "discontinued" },
    });

    const end = await missing();
    expect(end.count).toBe(ebooks.length - 2);
    expect(end.slugs).not.toContain(uploaded!.book.slug);
    expect(end.slugs).toContain(sampled!.book.slug);
  });
});
