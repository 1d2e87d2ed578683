import { expect, test, type Page } from "@playwright/test";
import { actAsStaff, ADMIN, EDITOR } from "./support/admin";
import { E2E_PENDING_RATING as PENDING, FEATURED } from "./support/catalog";

// Staff operations as an admin uses them: the ratings queue and the orders a shopper placed.
test.describe.configure({ timeout: 90_000 });

const ratingsSection = (page: Page) => page.getByRole("region", { name: "Shopper ratings" });

test.describe("ratings moderation without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("publishing a pending rating changes the book's summary; rejecting it takes it back", async ({
    page,
  }) => {
    const bookPath = `/books/${PENDING.bookSlug}`;
    await page.goto(bookPath);
    await expect(ratingsSection(page)).toContainText("No shopper has rated this book yet.");
    await expect(page.getByText(PENDING.body)).toHaveCount(0);

    await actAsStaff(page, ADMIN, "/admin/ratings");
    const row = page.getByRole("row").filter({ hasText: PENDING.title });
    await expect(row).toContainText(PENDING.bookTitle);
    await expect(row).toContainText(`by ${PENDING.displayName}`);
    await expect(row.getByRole("img", { name: "4 out of 5 stars" })).toBeVisible();
    await row.getByRole("button", { name: /^Publish rating \d+/ }).click();
    await expect(page.getByRole("status")).toContainText(`Published rating`);
    await expect(page.getByRole("row").filter({ hasText: PENDING.title })).toHaveCount(0);

    await page.goto(bookPath);
    await expect(ratingsSection(page)).toContainText("4.0 out of 5");
    await expect(ratingsSection(page)).toContainText("(1 rating)");
    await expect(page.getByText(PENDING.body)).toBeVisible();

    await page.goto("/admin/ratings?status=published");
    const published = page.getByRole("row").filter({ hasText: PENDING.title });
    await expect(published).toContainText(`by ${ADMIN.email}`);
    await published.getByRole("button", { name: /^Reject rating \d+/ }).click();
    await expect(page.getByRole("status")).toContainText("Rejected rating");

    await page.goto(bookPath);
    await expect(ratingsSection(page)).toContainText("No shopper has rated this book yet.");
    await expect(page.getByText(PENDING.body)).toHaveCount(0);
  });
});

test("an admin finds a shopper's paid order with its lines and payment events; editors cannot", async ({
  page,
}) => {
  const email = `orders-${Date.now()}@example.com`;
  await page.goto(`/books/${FEATURED.slug}`);
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
  await page.getByRole("button", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout\/stub\//);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Status: Paid")).toBeVisible();
  const orderNumber = (await page.locator(".eyebrow").first().textContent())?.replace("Order ", "").trim();
  expect(orderNumber).toBeTruthy();

  await actAsStaff(page, ADMIN, "/admin/orders");
  await page.getByLabel("Status").selectOption("paid");
  await page.getByLabel("Order number or email").fill(email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText("1 order");
  await page.getByRole("link", { name: orderNumber! }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${orderNumber}`);
  await expect(page.getByRole("status")).toHaveText("Status: Paid");
  await expect(
    page.getByRole("row", { name: new RegExp(`${FEATURED.title} .*\\$39\\.99 1 \\$39\\.99`) }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /checkout\.session\.completed paid/ })).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();

  // A date the form cannot use is named next to its field; the list still answers.
  await page.goto("/admin/orders?from=2026-02-30");
  await expect(page.getByText("From must be a date like 2026-11-27.")).toBeVisible();
  await expect(page.getByLabel("From")).toHaveAttribute("aria-invalid", "true");

  // Customers' details are for admins only.
  await page.context().clearCookies();
  await actAsStaff(page, EDITOR, "/admin/ratings");
  await expect(
    page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }),
  ).toHaveCount(0);
  const response = await page.goto("/admin/orders");
  expect(response?.status()).toBe(403);
});
