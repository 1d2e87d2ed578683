import { expect, test, type Page } from "@playwright/test";
import { actAsStaff, ADMIN } from "./support/admin";
import { FEATURED } from "./support/catalog";

// Every storefront page at phone and tablet widths: the page never scrolls sideways, and along the
// buy path a tap at the centre of any button or link lands on that button or link (not on
// something drawn over it). Layout does not depend on the database: one project runs it.
const WIDTHS = [320, 390, 768];
const PAPERBACK = {
  slug: "the-incredible-adventures-of-tap-it-tad",
  title: "The Incredible Adventures of Tap It Tad",
};

test.beforeEach(() => {
  test.skip(test.info().project.name !== "pglite", "layout is the same on every database");
});
test.describe.configure({ timeout: 120_000 });

/** The page's scrollable width beyond the viewport, in CSS pixels (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Every visible link, button and form control whose centre (of its first line, for a link that
 * wraps) is covered by another element, once scrolled to the middle of the screen.
 */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element | null) =>
      el
        ? `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className)}"` : ""}> ${(el.textContent ?? "").trim().slice(0, 40)}`
        : "nothing";
    const covered: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      "a[href], button, input:not([type=hidden]), select, textarea, summary",
    );
    for (const el of controls) {
      if (el.closest(".visually-hidden") || el.classList.contains("skip-link")) continue;
      el.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
      const box = el.getClientRects()[0];
      if (!box || box.width < 2 || box.height < 2) continue;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !(el === hit || el.contains(hit))) covered.push(`${name(el)} is covered by ${name(hit)}`);
    }
    return covered;
  });
}

async function checkPage(page: Page, path: string, { buyPath = false } = {}) {
  expect(await overflow(page), `${path} at ${page.viewportSize()?.width} px scrolls sideways`).toBe(0);
  if (buyPath) expect(await coveredControls(page), `${path} at ${page.viewportSize()?.width} px`).toEqual([]);
}

for (const width of WIDTHS) {
  test(`at ${width} px every storefront page fits and the buy path's controls take their taps`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const pages = [
      "/",
      "/books",
      "/categories",
      "/categories/history",
      "/series/cold-war-history",
      "/contributors/sandeep-balakrishna",
      `/books/${FEATURED.slug}/reviews`,
      `/articles/${FEATURED.article}`,
      "/search?q=korean",
      "/search?q=zzzzqqq",
      "/search",
      "/pages/shipping-and-returns",
      "/developers/api",
      "/books/no-such-book",
      "/cart",
    ];
    for (const path of pages) {
      await page.goto(path);
      await checkPage(page, path);
    }

    // The buy path: an ebook and a paperback, the cart, the stand-in for Stripe, the paid order.
    await page.goto(`/books/${FEATURED.slug}`);
    await checkPage(page, `/books/${FEATURED.slug}`, { buyPath: true });
    await page.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
    await page.goto(`/books/${PAPERBACK.slug}`);
    await checkPage(page, `/books/${PAPERBACK.slug}`, { buyPath: true });
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
    await checkPage(page, "/cart", { buyPath: true });
    await page.getByLabel(`Quantity of ${PAPERBACK.title}`).fill("3");
    await page.getByRole("button", { name: `Update quantity of ${PAPERBACK.title}` }).click();
    await expect(page.getByTestId("cart-subtotal")).toHaveText("$60.96");
    // The destination form's own "Update" must take its tap too.
    await page.getByLabel("Ship to").selectOption("US");
    await page.getByRole("button", { name: "Update", exact: true }).click();
    await expect(page.getByText("Shipping and tax are now for your new destination.")).toBeVisible();
    await checkPage(page, "/cart (United States)", { buyPath: true });
    await page.getByRole("button", { name: "Checkout" }).click();
    await expect(page).toHaveURL(/\/checkout\/stub\//);
    await checkPage(page, "/checkout/stub", { buyPath: true });
    await page.getByLabel("Email").fill("phone@example.com");
    await page.getByLabel("Full name").fill("Pat Phone");
    await page.getByLabel("Address line 1").fill("1 Narrow Street");
    await page.getByLabel("City").fill("Springfield");
    await page.getByLabel("State").selectOption({ label: "Illinois" });
    await page.getByLabel("ZIP code").fill("62701");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByText("Status: Paid")).toBeVisible();
    await checkPage(page, "/orders/…", { buyPath: true });
  });
}

test("admin pages fit a 390 px phone, and the audit log a desktop, with long details", async ({ page }) => {
  await actAsStaff(page, ADMIN, "/admin");
  // A new listing's audit entry names every field it set: the longest details the log holds.
  await page.goto("/admin/books/new");
  await page.getByLabel("Title", { exact: true }).fill(`Layout Proof ${Date.now()}`);
  await page.getByRole("group", { name: "Edition 1" }).getByLabel("Price").fill("12.50");
  await page.getByRole("button", { name: "Create listing" }).click();
  await page.waitForURL(/\/admin\/books\/\d+\?saved=1$/);
  const editor = new URL(page.url()).pathname;

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/admin/audit");
  expect(await overflow(page), "/admin/audit at 1280 px").toBe(0);

  await page.setViewportSize({ width: 390, height: 800 });
  for (const path of [
    "/admin",
    "/admin/books",
    "/admin/books/new",
    editor,
    `${editor}/history`,
    "/admin/ratings",
    "/admin/orders",
    "/admin/exchange",
    "/admin/users",
    "/admin/audit",
    "/admin/tokens",
  ]) {
    await page.goto(path);
    expect(await overflow(page), `${path} at 390 px`).toBe(0);
  }
});
