import { expect, test, type Page } from "@playwright/test";

// The shop's own pages (About, Contact, Shipping and returns, Privacy): in every page's footer,
// readable without JavaScript, and edited by staff at /admin/pages.
const EDITOR = {
  email: "editor@e2e.test",
  password: process.env.E2E_EDITOR_PASSWORD || "e2e-editor-password-0123",
};
const PAGES = [
  ["About us", "/pages/about", "About Quire Books"],
  ["Contact us", "/pages/contact", "Contact us"],
  ["Shipping and returns", "/pages/shipping-and-returns", "Shipping and returns"],
  ["Privacy", "/pages/privacy", "Privacy"],
] as const;

test.describe("shop pages without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the footer links to each shop page, and shipping shows the rates in force", async ({
    page,
    request,
  }) => {
    for (const [, path, title] of PAGES) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(await response.text()).toContain(`<h1>${title}</h1>`);
    }
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Shipping and returns" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shipping and returns");
    await expect(page.getByText(/Ebooks never pay shipping/)).toBeVisible();
    const rates = page.getByRole("table");
    await expect(rates.getByRole("row", { name: /United States .*\$4\.99 \$1\.49 8%/ })).toBeVisible();
    await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Cookies" })).toBeVisible();
    await expect(page.getByText(/qb_cart/)).toBeVisible();
    expect((await request.get("/pages/no-such-page")).status()).toBe(404);
  });
});

async function signIn(page: Page) {
  await page.goto("/admin/sign-in?next=%2Fadmin%2Fpages");
  await page.getByLabel("Email").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/pages");
}

test.describe("editing a shop page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an editor changes the About page; an empty title is refused and changes nothing", async ({
    page,
  }) => {
    await signIn(page);
    await page.getByRole("link", { name: "Edit About Quire Books" }).click();
    const body = page.getByLabel("Text");
    const original = await body.inputValue();
    expect(original).toContain("## How we choose");

    await page.getByLabel("Title").fill("");
    await body.fill(
      `${original}\n\n## Visiting\n\nWe have no shop floor: every book ships from our warehouse.`,
    );
    await page.getByRole("button", { name: "Save page" }).click();
    await expect(page.getByRole("alert")).toContainText("The page was not saved");
    await expect(page.getByText("Enter a title.")).toBeVisible();
    // What was typed is still there.
    await expect(body).toHaveValue(/every book ships from our warehouse/);
    await page.goto("/pages/about");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Quire Books");
    await expect(page.getByText(/every book ships from our warehouse/)).toHaveCount(0);

    await page.goto("/admin/pages/about");
    await page
      .getByLabel("Text")
      .fill(`${original}\n\n## Visiting\n\nWe have no shop floor: every book ships from our warehouse.`);
    await page.getByRole("button", { name: "Save page" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved “About Quire Books”.");
    await page.goto("/pages/about");
    await expect(page.getByRole("heading", { level: 2, name: "Visiting" })).toBeVisible();
    await expect(page.getByText("We have no shop floor: every book ships from our warehouse.")).toBeVisible();

    // Put the page back as it was.
    await page.goto("/admin/pages/about");
    await page.getByLabel("Text").fill(original);
    await page.getByRole("button", { name: "Save page" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved “About Quire Books”.");
  });
});
