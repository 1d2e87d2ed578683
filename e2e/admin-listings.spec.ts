import { expect, test, type Page } from "@playwright/test";
import { actAsStaff, createDraft, edition, openEditor, save } from "./support/admin";
import { FEATURED } from "./support/catalog";

// The listing editor, as an editor uses it. Later specs (browse, storefront) expect the seed
// catalog as it was: every test puts back what it changes on seed books, and books created here
// end as drafts (invisible to shoppers and to every list).
const FEATURED_PRICE = "$39.99";

// A save is one transaction of a few dozen queries, and some tests save four times: on two shared
// cores under load that outgrows the default 30 s.
test.describe.configure({ timeout: 90_000 });

async function setFeaturedPrice(page: Page, price: string) {
  await openEditor(page, FEATURED.slug, FEATURED.title);
  await edition(page).getByLabel("Price").fill(price);
  await save(page);
}

async function setStatus(page: Page, path: string, status: "draft" | "published" | "hidden") {
  await page.goto(path);
  // Saving a listing as it is stores nothing: there would be no new version to wait for.
  if ((await page.getByLabel("Status").inputValue()) === status) return;
  await page.getByLabel("Status").selectOption(status);
  await save(page);
}

test.describe("listing editor", () => {
  test.beforeEach(async ({ page }) => actAsStaff(page));

  test("a new price shows on the product page, home, /books and the category page on the next request", async ({
    page,
  }) => {
    const pages = [`/books/${FEATURED.slug}`, "/", "/books", "/categories/history"];
    // Each is cached with the old price first.
    for (const url of pages) {
      await page.goto(url);
      await expect(page.getByText(FEATURED_PRICE).first(), url).toBeVisible();
    }
    try {
      await setFeaturedPrice(page, "34.50");
      for (const url of pages) {
        await page.goto(url);
        await expect(page.getByText("$34.50").first(), url).toBeVisible();
        await expect(page.getByText(FEATURED_PRICE), url).toHaveCount(0);
      }
      // The history names the one field that changed as the form does, the price as money.
      await openEditor(page, FEATURED.slug, FEATURED.title);
      await page.getByRole("link", { name: "History" }).click();
      const latest = page.getByRole("region", { name: /^Version \d+$/ }).first();
      await expect(latest.getByRole("row")).toHaveText([
        /Field\s*From\s*To/,
        /Edition 1 · Price\s*\$39\.99\s*\$34\.50/,
      ]);
    } finally {
      await setFeaturedPrice(page, "39.99");
    }
    await page.goto(`/books/${FEATURED.slug}`);
    await expect(page.getByText(FEATURED_PRICE).first()).toBeVisible();
  });

  test("an invalid ISBN shows a field error, keeps what was typed and saves nothing", async ({ page }) => {
    await openEditor(page, FEATURED.slug, FEATURED.title);
    await page.getByLabel("Subtitle").fill("Not saved");
    await edition(page).getByLabel("ISBN-13").fill("978-0-306-40615-8");
    await edition(page).getByLabel("Price").fill("1.00");
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(edition(page).getByText("Not a valid ISBN-13.")).toBeVisible();
    await expect(edition(page).getByLabel("ISBN-13")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Subtitle")).toHaveValue("Not saved");
    await page.goto(`/books/${FEATURED.slug}`);
    await expect(page.getByText(FEATURED_PRICE).first()).toBeVisible();
    await expect(page.getByText("Not saved")).toHaveCount(0);
  });

  test("a save from a second tab that started from an older version is refused with both versions", async ({
    page,
    context,
  }) => {
    const { path } = await createDraft(page, `Conflict Proof ${Date.now()}`);
    const second = await context.newPage();
    await second.goto(path);
    await page.goto(path);

    await page.getByLabel("Subtitle").fill("First tab's subtitle");
    await save(page);

    await second.getByLabel("Subtitle").fill("Second tab's subtitle");
    await second.getByRole("button", { name: "Save listing" }).click();
    const conflict = second.getByRole("alert", { name: "Conflict" });
    await expect(conflict).toContainText(
      /changed by E2E Editor \(editor@e2e\.test\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(version 2\)/,
    );
    await expect(conflict).toContainText("Your changes were not saved.");
    const row = conflict.getByRole("row", { name: /^Subtitle/ });
    await expect(row).toContainText("First tab's subtitle");
    await expect(row).toContainText("Second tab's subtitle");
    await expect(second.getByLabel("Subtitle")).toHaveValue("Second tab's subtitle");

    await page.reload();
    await expect(page.getByLabel("Subtitle")).toHaveValue("First tab's subtitle");
    await expect(page.getByRole("paragraph").filter({ hasText: "last changed by" })).toContainText(
      /last changed by E2E Editor \(editor@e2e\.test\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC\./,
    );
    await page.getByRole("link", { name: "History" }).click();
    await expect(page.getByRole("region", { name: "Version 2" })).toContainText("First tab's subtitle");
    await expect(page.getByText("Second tab's subtitle")).toHaveCount(0);
    await second.close();
  });

  test("a draft is invisible to shoppers until published; a slug change redirects the old URL (308)", async ({
    page,
    request,
  }) => {
    const title = `Draft Proof ${Date.now()}`;
    const { path, slug } = await createDraft(page, title);
    expect((await request.get(`/books/${slug}`)).status()).toBe(404);

    try {
      await setStatus(page, path, "published");
      await page.goto(`/books/${slug}`);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

      await page.goto(path);
      await page.getByLabel("Slug (blank: from the title)").fill(`${slug}-renamed`);
      await save(page);
      const old = await request.get(`/books/${slug}`, { maxRedirects: 0 });
      expect(old.status()).toBe(308);
      expect(new URL(old.headers()["location"]!, "http://x").pathname).toBe(`/books/${slug}-renamed`);
      await page.goto(`/books/${slug}`);
      await expect(page).toHaveURL(`/books/${slug}-renamed`);
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

      await page.goto(`${path}/history`);
      await page.getByRole("button", { name: "Restore version 1" }).click();
      await expect(page.getByRole("status")).toHaveText("Restored as version 4.");
      expect((await request.get(`/books/${slug}`)).status()).toBe(404);
      expect((await request.get(`/books/${slug}-renamed`)).status()).toBe(404);
    } finally {
      await setStatus(page, path, "draft");
    }
  });
});

// Saving an untouched form must store nothing new: the browser posts the description's line breaks
// as CRLF and the categories in the form's order, and neither may reach what shoppers see.
for (const javaScriptEnabled of [true, false]) {
  test(`a save that changes nothing changes nothing shoppers or the API see (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
    browser,
    request,
  }) => {
    // What is checked is the listing writer's and the form's, the same on both databases.
    test.skip(test.info().project.name !== "pglite", "one database is enough");
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const api = async () => {
      const response = await request.get(`/api/v1/books/${FEATURED.slug}`);
      return { etag: response.headers().etag, body: await response.text() };
    };
    const shopperView = async () => {
      await page.goto(`/books/${FEATURED.slug}`);
      return page.getByRole("main").innerText();
    };
    const seenAsSeeded = async () => {
      await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("listitem")).toHaveText([
        "Home",
        "Books",
        "History",
        FEATURED.title,
      ]);
      await expect(page.getByRole("region", { name: "About this book" }).getByRole("paragraph")).toHaveCount(
        4,
      );
    };
    const [apiBefore, pageBefore] = [await api(), await shopperView()];
    await seenAsSeeded();

    await actAsStaff(page);
    await openEditor(page, FEATURED.slug, FEATURED.title);
    await expect(page.getByRole("radio", { name: "Main category: History", exact: true })).toBeChecked();
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(page.getByRole("status")).toContainText("Nothing to save");

    expect(await api()).toEqual(apiBefore);
    expect(await shopperView()).toEqual(pageBefore);
    await seenAsSeeded();
    await context.close();
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an edit shows its errors with what was typed, adds a contributor row, then saves", async ({
    page,
  }) => {
    await actAsStaff(page);
    const { path } = await createDraft(page, `No Script Proof ${Date.now()}`);
    await page.goto(path);
    await page.getByLabel("Subtitle").fill("Typed without script");
    await edition(page).getByLabel("Price").fill("twelve");
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(edition(page).getByText("Enter a price like 39.99.")).toBeVisible();
    await expect(page.getByLabel("Subtitle")).toHaveValue("Typed without script");
    await expect(edition(page).getByLabel("Price")).toHaveValue("twelve");

    await page.getByRole("button", { name: "Add another contributor" }).click();
    const second = page.getByRole("group", { name: "Contributor 2" });
    await expect(second).toBeVisible();
    await page
      .getByRole("group", { name: "Contributor 1" })
      .getByLabel("Name, as credited")
      .fill("Ana Author");
    await second.getByLabel("Name, as credited").fill("Tom Translator");
    await second.getByLabel("Role").selectOption("translator");
    await second.getByLabel("Position").fill("1");
    await page.getByRole("group", { name: "Contributor 1" }).getByLabel("Position").fill("2");
    await edition(page).getByLabel("Price").fill("13");
    await save(page);
    await expect(page.getByLabel("Subtitle")).toHaveValue("Typed without script");
    await expect(edition(page).getByLabel("Price")).toHaveValue("13.00");
    await expect(
      page.getByRole("group", { name: "Contributor 1" }).getByLabel("Name, as credited"),
    ).toHaveValue("Tom Translator");
  });
});
