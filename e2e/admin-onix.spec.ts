import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";
import { actAsStaff, EDITOR } from "./support/admin";
import { FEATURED } from "./support/catalog";

// The ONIX 3.0 download on /admin/exchange, as staff use it, and refused to everyone else.

test("signed out, the ONIX export is refused", async ({ request }) => {
  const response = await request.get("/admin/export/onix.xml");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(await response.text()).not.toContain("<ONIXMessage");
});

test("staff download the published catalog as ONIX 3.0 from Import and export", async ({ page }) => {
  await actAsStaff(page, EDITOR, "/admin/exchange");
  await expect(page.getByRole("heading", { name: "ONIX 3.0 export" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download ONIX 3.0 (XML)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^onix-\d{4}-\d{2}-\d{2}\.xml$/);
  const xml = await readFile(await download.path(), "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).toContain('<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">');
  expect(xml).toContain(`<TitleText>${FEATURED.title}</TitleText>`);
  expect(xml).toMatch(/<ContributorRole>A38<\/ContributorRole>\s*<PersonName>Shen Zihua<\/PersonName>/);

  const response = await page.request.get("/admin/export/onix.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="onix-/);
});
