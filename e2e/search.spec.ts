import { expect, test } from "@playwright/test";
import { FEATURED, INVISIBLE_SLUGS } from "./support/catalog";

test.describe("search without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search from the header, see highlighted results, open the book", async ({ page }) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    await header.getByRole("combobox", { name: "Search books" }).fill("korean war");
    await header.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=korean\+war$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “korean war”");
    await expect(page.getByText("Showing 1–1 of 1 book")).toBeVisible();
    const results = page.getByRole("list", { name: "Books" });
    await expect(results.locator("mark").first()).toHaveText(/korean/i);
    // The title shows why the book matched, and its link keeps the whole title as its name.
    await expect(results.getByRole("heading", { level: 2 }).locator("mark")).toHaveText(["Korean", "War"]);
    await results.getByRole("link", { name: FEATURED.title }).click();
    await expect(page).toHaveURL(new RegExp(`/books/${FEATURED.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(FEATURED.title);
  });

  test("an author's name shows why the book matched", async ({ page }) => {
    await page.goto("/search?q=balakrishna");
    const hit = page.getByRole("list", { name: "Books" }).getByRole("listitem").first();
    await expect(hit.getByRole("heading", { level: 2 })).toHaveText(FEATURED.title);
    await expect(hit.locator("p", { hasText: "by Sandeep Balakrishna (Author)" }).locator("mark")).toHaveText(
      "Balakrishna",
    );
  });

  test("a misspelled query shows “Did you mean” and the right book first", async ({ page }) => {
    await page.goto("/search?q=koren+war");
    await expect(
      page.getByRole("list", { name: "Books" }).getByRole("heading", { level: 2 }).first(),
    ).toHaveText(FEATURED.title);
    const didYouMean = page.getByText("Did you mean");
    await expect(didYouMean).toContainText("korean war");
    await didYouMean.getByRole("link", { name: "korean war" }).click();
    await expect(page).toHaveURL(/\/search\?q=korean\+war$/);
    await expect(page.getByText("Did you mean")).toHaveCount(0);
  });

  test("Spanish words, facets and filters work on the results; hidden books never show", async ({ page }) => {
    await page.goto("/search?q=palabras");
    await expect(page.getByText("Showing 1–3 of 3 books")).toBeVisible();
    await page.getByRole("region", { name: "Category" }).getByRole("link", { name: /Food/ }).click();
    await expect(page).toHaveURL(/q=palabras&category=/);
    await expect(page.getByText("Showing 1–1 of 1 book")).toBeVisible();
    await page.goto("/search?q=withdrawn+unpublished+proof+fixture");
    for (const slug of INVISIBLE_SLUGS) await expect(page.locator(`a[href="/books/${slug}"]`)).toHaveCount(0);
  });

  test("the price filter and the filter chips keep the search words", async ({ page }) => {
    await page.goto("/search?q=palabras&sort=title");
    await expect(page.getByText("Showing 1–3 of 3 books")).toBeVisible();
    await page.getByRole("region", { name: "Price" }).getByLabel("Max ($)").fill("0.01");
    await page.getByRole("region", { name: "Price" }).getByRole("button", { name: "Apply price" }).click();
    await expect(page).toHaveURL(/\/search\?q=palabras&sort=title&min_price=&max_price=0\.01$/);
    await expect(page.getByText("We found no books for “palabras”.")).toBeVisible();
    const chips = page.getByRole("list", { name: "Active filters" });
    await expect(chips).toContainText("Price: any – $0.01");
    await chips.getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/search\?q=palabras&sort=title$/);
    await expect(page.getByText("Showing 1–3 of 3 books")).toBeVisible();
  });

  test("empty and too-long queries get a clear message, no results get help", async ({ page }) => {
    const empty = await page.goto("/search?q=");
    expect(empty?.status()).toBe(200);
    await expect(page.getByText("Type a few words to search")).toBeVisible();
    const long = await page.goto(`/search?q=${"a".repeat(201)}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByText("That search is too long")).toBeVisible();
    await page.goto("/search?q=zzqqxxv");
    await expect(page.getByText("We found no books for “zzqqxxv”.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse all books" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Popular categories" })).toBeVisible();
  });

  test("the empty and no-results pages offer the store's own search box, and it searches", async ({
    page,
  }) => {
    // The header's box and the page's look the same: the same rounded field and dark button.
    const look = (form: ReturnType<typeof page.getByRole>) =>
      Promise.all([
        form.locator("input[name=q]").evaluate((el) => getComputedStyle(el).borderRadius),
        form.getByRole("button", { name: "Search" }).evaluate((el) => getComputedStyle(el).backgroundColor),
      ]);
    await page.goto("/search");
    const header = await look(page.getByRole("banner").getByRole("search"));
    const again = page.getByRole("search", { name: "Search the store" });
    expect(await look(again)).toEqual(header);
    await page.goto("/search?q=zzqqxxv");
    const retry = page.getByRole("search", { name: "Search again" });
    await expect(retry.getByRole("searchbox")).toHaveValue("zzqqxxv");
    expect(await look(retry)).toEqual(header);
    await retry.getByRole("searchbox").fill("korean");
    await retry.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=korean$/);
    await expect(page.getByText("Showing 1–1 of 1 book")).toBeVisible();
  });

  test("/search is noindex, follow in the raw HTML head", async ({ request }) => {
    const html = await (await request.get("/search?q=war")).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toMatch(/<meta name="robots" content="noindex, follow"\/>/);
  });
});

test.describe("search with JavaScript", () => {
  test("the header suggests the featured book while typing; Enter opens it", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search books" });
    await box.pressSequentially("korean wa", { delay: 30 });
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const options = page.getByRole("listbox", { name: "Suggested books" }).getByRole("option");
    await expect(options.first()).toContainText(FEATURED.title);
    await box.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/books/${FEATURED.slug}$`));
  });

  test("a typo still suggests the book, with its author, cover and price, then “See all results”", async ({
    page,
  }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search books" });
    await box.pressSequentially("koren", { delay: 30 });
    const options = page.getByRole("listbox", { name: "Suggested books" }).getByRole("option");
    const book = options.first();
    await expect(book).toContainText(FEATURED.title);
    await expect(book).toContainText("by Sandeep Balakrishna");
    await expect(book).toContainText("$39.99");
    await expect(book.locator("svg, img")).toHaveCount(1);
    const all = options.last();
    await expect(all).toHaveText("See all results for “koren”");
    await box.press("ArrowUp");
    await expect(all).toHaveAttribute("aria-selected", "true");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=koren$/);
    await expect(
      page.getByRole("list", { name: "Books" }).getByRole("heading", { level: 2 }).first(),
    ).toHaveText(FEATURED.title);
  });

  test("Escape closes the suggestions and Enter then searches", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search books" });
    await box.pressSequentially("wordbooks", { delay: 30 });
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=wordbooks$/);
    await expect(page.getByText("Showing 1–3 of 3 books")).toBeVisible();
  });
});
