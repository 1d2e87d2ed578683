import { expect, test, type Page } from "@playwright/test";
import { actAsStaff, ADMIN, createDraft, edition, save } from "./support/admin";

// The admin's help for staff: the dashboard's figures, choosing categories without losing the
// others, and the editions' ebook-only fields. Books created here stay drafts.
test.describe.configure({ timeout: 90_000 });
// The pages and the writer are the same on both databases (integration tests cover both engines'
// storage): one is enough, and keeps npm test's time down.
test.beforeEach(() => test.skip(test.info().project.name !== "pglite", "one database is enough"));

const category = (page: Page, name: string) => page.getByRole("checkbox", { name, exact: true });
const main = (page: Page, name: string) =>
  page.getByRole("radio", { name: `Main category: ${name}`, exact: true });

/** The categories column of the book in the admin list, in their stored order. */
async function storedCategories(page: Page, slug: string): Promise<string> {
  await page.goto(`/admin/books?q=${slug}`);
  return (await page.getByRole("row").filter({ hasText: slug }).getByRole("cell").nth(3).innerText()).trim();
}

test("the dashboard's figures agree with the lists they link to", async ({ page }) => {
  await actAsStaff(page, ADMIN, "/admin");
  const today = new Date().toISOString().slice(0, 10);
  const sales = page.getByRole("region", { name: "Sales" });
  await expect(sales.getByRole("heading", { name: "Today" })).toContainText(today);
  await expect(sales.getByRole("heading", { name: "This week" })).toContainText(today);

  const waiting = page.getByRole("region", { name: "Waiting for you" });
  for (const [label, link] of [
    [/drafts?$/, "See the drafts"],
    [/ebook editions? without/, "See the books"],
  ] as const) {
    const figure = waiting.locator("div").filter({ hasText: label }).last();
    const count = Number(await figure.locator("p").first().innerText());
    expect(count, String(label)).toBeGreaterThan(0);
    await figure.getByRole("link", { name: link }).click();
    await expect(page.getByText(new RegExp(`^${count} books?`))).toBeVisible();
    await page.goBack();
  }
});

test("categories are ticked boxes with one main category; a click never drops the others", async ({
  page,
}) => {
  await actAsStaff(page);
  const { path, slug } = await createDraft(page, `Category Proof ${Date.now()}`);
  await page.goto(path);
  // The list filters as one types; ticked boxes stay in view.
  await page.getByLabel("Find a category").fill("korea");
  await category(page, "History › Korea").check();
  await expect(category(page, "Food & Cooking")).toBeHidden();
  await page.getByLabel("Find a category").fill("");
  await category(page, "Geography").check();
  // Choosing the main category ticks it; the others stay ticked.
  await main(page, "History").check();
  await expect(category(page, "History")).toBeChecked();
  await expect(category(page, "History › Korea")).toBeChecked();
  await expect(category(page, "Geography")).toBeChecked();
  await save(page);
  // The main one first, then the others in the order they were ticked (the list names them without their parents).
  expect(await storedCategories(page, slug)).toBe("History, Korea, Geography");

  // A plain click on another box adds it; unticking the main one leaves the first ticked as main.
  await page.goto(path);
  await category(page, "Food & Cooking").click();
  await category(page, "History").click();
  await expect(main(page, "History")).not.toBeChecked();
  await save(page);
  expect(await storedCategories(page, slug)).toBe("Korea, Geography, Food & Cooking");
});

test("an ebook's own fields show for ebook editions only", async ({ page }) => {
  await actAsStaff(page);
  const { path } = await createDraft(page, `Format Proof ${Date.now()}`);
  await page.goto(path);
  const fileSize = edition(page).getByLabel("File size (KB)");
  await expect(fileSize).toBeHidden();
  await expect(edition(page).getByLabel("Screen reader")).toBeHidden();
  await edition(page).getByLabel("Format", { exact: true }).selectOption("ebook");
  await expect(fileSize).toBeVisible();
  await fileSize.fill("1706");
  await save(page);
  await expect(edition(page).getByLabel("File size (KB)")).toHaveValue("1706");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("categories: a main category left unticked is refused; ticked, it comes first", async ({ page }) => {
    await actAsStaff(page);
    const { path, slug } = await createDraft(page, `No Script Categories ${Date.now()}`);
    await page.goto(path);
    await category(page, "Geography").check();
    await main(page, "History").check();
    await page.getByRole("button", { name: "Save listing" }).click();
    await expect(page.getByText("The main category must be one of the ticked categories")).toBeVisible();
    expect(await storedCategories(page, slug)).toBe("");

    await page.goto(path);
    await category(page, "Geography").check();
    await category(page, "History").check();
    await main(page, "History").check();
    await save(page);
    expect(await storedCategories(page, slug)).toBe("History, Geography");
  });

  test("a print edition's ebook fields show but are not stored", async ({ page }) => {
    await actAsStaff(page);
    const { path } = await createDraft(page, `No Script Format ${Date.now()}`);
    await page.goto(path);
    await edition(page).getByLabel("File size (KB) (ebooks only)").fill("999");
    await page.getByLabel("Subtitle").fill("Paperback with a stray file size");
    await save(page);
    await expect(edition(page).getByLabel("File size (KB) (ebooks only)")).toHaveValue("");
    await expect(page.getByLabel("Subtitle")).toHaveValue("Paperback with a stray file size");
  });
});
