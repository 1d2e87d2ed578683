import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { loadPublishedArticles } from "./queries";
import { AppError } from "@/lib/errors";
import { textFromBlocks } from "./shop-page-text";
import { loadPublishedShopPage, listShopPages, saveShopPage } from "./shop-pages";

describe.each(testEngines())("shop pages on %s", (engine) => {
  let db: TestDatabase;
  const actor = { id: null, ip: "127.0.0.1" };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => db?.destroy());

  it("are in every migrated store, published, and not editorial articles", async () => {
    expect((await listShopPages(db.prisma)).map((p) => p.slug)).toEqual([
      "about",
      "contact",
      "shipping-and-returns",
      "privacy",
    ]);
    const privacy = await loadPublishedShopPage(db.prisma, "privacy");
    expect(privacy?.blocks.some((b) => b.text.includes("qb_cart"))).toBe(true);
    expect(await loadPublishedArticles(db.prisma)).toEqual([]);
  });

  it("saves an edit with an audit entry, refuses a stale or invalid one and changes nothing", async () => {
    const before = (await loadPublishedShopPage(db.prisma, "contact"))!;
    const body = `${textFromBlocks(before.blocks)}\n\n## Phone\n\nCall us on weekdays.`;
    const saved = await saveShopPage(
      db.prisma,
      "contact",
      { title: "Contact", excerpt: "How to reach us.", body, updatedAt: before.updatedAt },
      actor,
    );
    expect(saved.title).toBe("Contact");
    expect(saved.blocks.at(-2)).toEqual({ type: "heading", text: "Phone" });
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "shop_page.updated" } });
    expect(audit?.details).toEqual({ slug: "contact" });

    // Opened before that save: refused.
    await expect(
      saveShopPage(
        db.prisma,
        "contact",
        { title: "Old", excerpt: "", body: "Text.", updatedAt: before.updatedAt },
        actor,
      ),
    ).rejects.toMatchObject({ code: "stale_version" });
    const invalid = saveShopPage(
      db.prisma,
      "contact",
      { title: "", excerpt: "", body: "## Only a heading", updatedAt: saved.updatedAt },
      actor,
    );
    await expect(invalid).rejects.toBeInstanceOf(AppError);
    await expect(invalid).rejects.toMatchObject({ details: { fields: { title: ["Enter a title."] } } });
    await expect(
      saveShopPage(
        db.prisma,
        "no-such-page",
        { title: "X", excerpt: "", body: "Text.", updatedAt: saved.updatedAt },
        actor,
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await loadPublishedShopPage(db.prisma, "contact")).toEqual(saved);
  });
});
