import { expect, test } from "@playwright/test";
import { FEATURED, SPANISH_TITLES } from "./support/catalog";

const SPANISH_BY_TITLE = [...SPANISH_TITLES].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));

test.describe("browsing without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filter to Spanish titles, sort by title, see exactly the three wordbooks in order", async ({
    page,
  }) => {
    await page.goto("/books");
    await expect(page.getByRole("heading", { level: 1, name: "All books" })).toBeVisible();
    await expect(page.getByText("Showing 1–9 of 9 books")).toBeVisible();

    await page
      .getByRole("region", { name: "Language" })
      .getByRole("link", { name: /Spanish/ })
      .click();
    await expect(page).toHaveURL(/\/books\?language=es$/);
    await page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: "Title A–Z" }).click();
    await expect(page).toHaveURL(/\/books\?language=es&sort=title$/);

    const books = page.getByRole("list", { name: "Books" }).getByRole("heading", { level: 2 });
    await expect(books).toHaveText(SPANISH_BY_TITLE);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Language: Spanish");
  });

  test("page 2 of a small page size shows the rest", async ({ page }) => {
    await page.goto("/books?language=es&sort=title&page_size=2");
    const books = page.getByRole("list", { name: "Books" }).getByRole("heading", { level: 2 });
    await expect(books).toHaveText(SPANISH_BY_TITLE.slice(0, 2));
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(books).toHaveText(SPANISH_BY_TITLE.slice(2));
    await expect(page.getByText("Showing 3–3 of 3 books")).toBeVisible();
  });

  test("the price form narrows the list and keeps the other filters", async ({ page }) => {
    await page.goto("/books?format=paperback");
    const price = page.getByRole("region", { name: "Price" });
    await price.getByLabel("Max ($)").fill("8");
    await price.getByRole("button", { name: "Apply price" }).click();
    await expect(page).toHaveURL(/format=paperback/);
    await expect(page.getByRole("list", { name: "Books" }).getByRole("heading", { level: 2 })).toHaveText([
      "15 Exciting Fun Facts About Canada for Curious Kids",
      "The Incredible Adventures of Tap It Tad",
    ]);
  });

  test("bad parameters are ignored with a notice, never an error", async ({ page }) => {
    const response = await page.goto("/books?sort=random&page=-4&min_rating=99&format=scroll");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("status")).toContainText("format, min_rating, page, sort");
    await expect(page.getByText("Showing 1–9 of 9 books")).toBeVisible();
  });

  test("a category page lists its books with breadcrumbs", async ({ page }) => {
    await page.goto("/categories/history");
    await expect(page).toHaveTitle("History books | Quire Books");
    await page.goto("/categories/childrens");
    await expect(page).toHaveTitle("Children's Books | Quire Books");
    await page.goto("/categories/wordbooks");
    await expect(page).toHaveTitle("Wordbooks | Quire Books");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText(
      /Home.*Books.*Children's Books.*Wordbooks/,
    );
    await expect(page.getByRole("list", { name: "Books" }).getByRole("heading", { level: 2 })).toHaveCount(3);
    for (const title of SPANISH_TITLES)
      await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
    expect((await page.goto("/categories/no-such-shelf"))?.status()).toBe(404);
  });

  test("a contributor page lists each book with the contributor's role", async ({ page }) => {
    await page.goto(`/books/${FEATURED.slug}`);
    await page.getByRole("link", { name: "Shen Zihua" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Shen Zihua" })).toBeVisible();
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: FEATURED.title }) });
    await expect(item).toContainText("Original author");
    await page.goto("/contributors/sandeep-balakrishna");
    await expect(
      page.getByRole("listitem").filter({ has: page.getByRole("link", { name: FEATURED.title }) }),
    ).toContainText("Author");
  });

  test("the header's Categories link opens the whole tree with counts, by keyboard too", async ({ page }) => {
    await page.goto("/");
    const link = page.getByRole("banner").getByRole("link", { name: "Categories" });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/categories$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("All categories");
    const tree = page.getByRole("list", { name: "Categories" });
    // A shelf counts its books and its subcategories' books once each.
    const childrens = tree
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Children's Books" }) });
    await expect(childrens).toContainText("5 books");
    await expect(childrens.getByRole("listitem").filter({ hasText: "Wordbooks" })).toContainText("3 books");
    await expect(tree.getByRole("heading", { level: 2 })).toHaveCount(7);
    await childrens.getByRole("link", { name: "Wordbooks" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wordbooks" })).toBeVisible();
    await expect(page.getByText("Showing 1–3 of 3 books")).toBeVisible();
  });

  test("on a phone the filters open from a button above the list", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/books");
    const button = page.getByText("Filters", { exact: true });
    const language = page.getByRole("region", { name: "Language" });
    await expect(language).toBeHidden();
    // The button comes before the first book.
    const buttonTop = (await button.boundingBox())!.y;
    const firstBook = page.getByRole("list", { name: "Books" }).getByRole("listitem").first();
    expect(buttonTop).toBeLessThan((await firstBook.boundingBox())!.y);
    await button.click();
    await language.getByRole("link", { name: /Spanish/ }).click();
    await expect(page).toHaveURL(/\/books\?language=es$/);
    await expect(page.getByText("Showing 1–3 of 3 books")).toBeVisible();
    await expect(page.getByText("Filters (1 applied)")).toBeVisible();
    // On a wide screen the filters are simply there, with no button.
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(language).toBeVisible();
    await expect(page.getByText("Filters (1 applied)")).toBeHidden();
  });

  test("the product page has breadcrumbs, the series, ratings and more like this", async ({ page }) => {
    await page.goto(`/books/${FEATURED.slug}`);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toHaveText(
      /Home.*Books.*History.*Mao, Stalin and the Korean War/,
    );
    await expect(page.getByRole("region", { name: "Shopper ratings" })).toContainText(
      "No shopper has rated this book yet.",
    );
    await page.getByRole("link", { name: "Cold War History series" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cold War History" })).toBeVisible();
    await expect(page.getByRole("link", { name: FEATURED.title })).toBeVisible();
  });
});
