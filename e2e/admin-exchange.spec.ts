import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { actAsStaff, EDITOR } from "./support/admin";
import { FEATURED } from "./support/catalog";

// CSV export and import of listings, as an editor uses them, with JavaScript off (plain form
// posts, a meta-refreshed progress page). The featured book's price is changed through an import
// and put back the same way: later specs expect the seed catalog as it was.

test.use({ javaScriptEnabled: false });
// Each apply is a transaction of a few dozen queries plus the page's refreshes, on two shared cores.
test.describe.configure({ timeout: 120_000 });

/** Downloads the export through the page's link; returns its text (BOM included). */
async function downloadExport(page: Page): Promise<{ text: string; filename: string }> {
  await page.goto("/admin/exchange");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download listings.csv" }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { text: Buffer.concat(chunks).toString("utf8"), filename: download.suggestedFilename() };
}

/** The featured book's rows of an export, with `edit` applied to each row's cells by column. */
function featuredFile(exportText: string, edit: (row: Record<string, string>) => void): string {
  const records: string[][] = parse(exportText, { bom: true });
  const [header = [], ...rows] = records;
  const mine = rows
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])))
    .filter((row) => row.slug === FEATURED.slug);
  expect(mine.length).toBeGreaterThan(0);
  mine.forEach(edit);
  return stringify([header, ...mine.map((row) => header.map((name) => row[name] ?? ""))], { bom: true });
}

/** Uploads a file and waits out the dry run (the page refreshes itself). */
async function upload(page: Page, name: string, text: string) {
  await page.goto("/admin/exchange");
  await page.getByLabel(/^CSV file/).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.waitForURL(/\/admin\/exchange\/csv-imports\/\d+$/);
  await expect(page.getByText("Checking (dry run)")).toHaveCount(0, { timeout: 60_000 });
}

async function applyAndWait(page: Page) {
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("status")).toHaveText("Applied: 0 created, 1 updated.", { timeout: 90_000 });
}

test("an editor downloads the CSV export; signed out, the export is refused", async ({
  page,
  playwright,
  baseURL,
}) => {
  await actAsStaff(page, EDITOR, "/admin/exchange");
  const { text, filename } = await downloadExport(page);
  expect(filename).toMatch(/^listings-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.startsWith("\uFEFFbook_id,version,slug,title,")).toBe(true);
  expect(text).toContain(FEATURED.title);

  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/admin/export/listings.csv", { maxRedirects: 0 });
  expect(refused.status()).toBe(303);
  expect(refused.headers().location).toContain("/admin/sign-in");
  await anonymous.dispose();
});

test("an import with errors is listed by line; fixed, it applies and the storefront shows it", async ({
  page,
}) => {
  await actAsStaff(page, EDITOR, "/admin/exchange");
  const { text } = await downloadExport(page);
  // The price of the book's first edition, e.g. "39.99".
  let original = "";
  featuredFile(text, (row) => {
    original ||= row.price ?? "";
  });

  // The file as exported changes nothing, and the import says so instead of "ready to apply".
  await upload(
    page,
    "untouched.csv",
    featuredFile(text, () => {}),
  );
  await expect(page.getByRole("main").getByText("Checked: nothing to change", { exact: true })).toBeVisible();
  await expect(page.getByText("1 row: 0 books to create, 0 to update, 1 unchanged.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply import" })).toHaveCount(0);

  // The product page is rendered and cached with the old price before the import.
  await page.goto(`/books/${FEATURED.slug}`);
  await expect(page.getByText(`$${original}`).first()).toBeVisible();

  // A bad ISBN and an unknown category: the dry run lists both, by line and column.
  await upload(
    page,
    "bad.csv",
    featuredFile(text, (row) => {
      row.price = "41.50";
      row.isbn13 = "978-0-306-40615-8";
      row.categories = `${row.categories};no-such-shelf`;
    }),
  );
  await expect(page.getByRole("heading", { name: /problems?: nothing was changed/ })).toBeVisible();
  const errors = page.getByRole("table").first();
  await expect(errors.getByRole("row", { name: /isbn13 Not a valid ISBN-13\./ }).first()).toBeVisible();
  await expect(
    errors.getByRole("row", { name: /categories Unknown categories: no-such-shelf\./ }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply import" })).toHaveCount(0);

  // Fixed: one book to update, applied in the background, visible in the store at once.
  try {
    await upload(
      page,
      "fixed.csv",
      featuredFile(text, (row) => {
        if (row.price === original) row.price = "41.50";
      }),
    );
    await expect(page.getByText(/rows?: 0 books to create, 1 to update, 0 unchanged\./)).toBeVisible();
    await expect(page.getByText("Applying saves this book in one transaction")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`${FEATURED.title} update`) })).toBeVisible();
    await applyAndWait(page);
    await page.goto(`/books/${FEATURED.slug}`);
    await expect(page.getByText("$41.50").first()).toBeVisible();
  } finally {
    // Put the price back through a fresh export (its version is the book's current one).
    const { text: now } = await downloadExport(page);
    await upload(
      page,
      "restore.csv",
      featuredFile(now, (row) => {
        if (row.price === "41.50") row.price = original;
      }),
    );
    if (await page.getByRole("button", { name: "Apply import" }).count()) await applyAndWait(page);
  }
  await page.goto(`/books/${FEATURED.slug}`);
  await expect(page.getByText(`$${original}`).first()).toBeVisible();
  await expect(page.getByText("$41.50")).toHaveCount(0);
});

test("a file over the size cap is refused with a clear message", async ({ page }) => {
  await actAsStaff(page, EDITOR, "/admin/exchange");
  await page.getByLabel(/^CSV file/).setInputFiles({
    name: "huge.csv",
    mimeType: "text/csv",
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, "a"),
  });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.waitForURL((url) => url.searchParams.get("csv_error") === "too_large");
  await expect(page.getByRole("alert")).toHaveText(
    "That file is larger than 10 MB. Split it into smaller files (keep each book's rows in one file).",
  );
});
