import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { FEATURED } from "./support/catalog";

const WORDBOOK = { slug: "animales-wordbooks", title: "Animales Wordbooks" };

/** Adds the book's first edition; the cart names it and offers to go back to it. */
async function addToCart(page: Page, slug: string, title: string) {
  await page.goto(`/books/${slug}`);
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
  const added = page.getByRole("status").filter({ hasText: "Added to your cart:" });
  await expect(added).toContainText(`Added to your cart: ${title} (`);
  await expect(added.getByRole("link", { name: "Continue shopping" })).toHaveAttribute(
    "href",
    `/books/${slug}`,
  );
}

/** Adds a hidden field to the form that holds `button`: what a shopper editing the page could send. */
async function injectField(page: Page, buttonName: RegExp | string, name: string, value: string) {
  await page.getByRole("button", { name: buttonName }).evaluate(
    (button, [fieldName, fieldValue]) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = fieldName!;
      input.value = fieldValue!;
      (button as HTMLButtonElement).form!.append(input);
    },
    [name, value],
  );
}

async function fillShipping(page: Page) {
  await page.getByLabel("Email").fill("reader@example.com");
  await page.getByLabel("Full name").fill("Rosa Reader");
  await page.getByLabel("Address line 1").fill("12 Library Lane");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("State").selectOption("IL");
  await page.getByLabel("ZIP code").fill("62701");
}

async function fillCartAndCheckout(page: Page) {
  await addToCart(page, FEATURED.slug, FEATURED.title);
  // "Continue shopping" goes back to the book just added.
  await page.getByRole("link", { name: "Continue shopping" }).click();
  await expect(page.getByRole("heading", { level: 1, name: FEATURED.title })).toBeVisible();
  await addToCart(page, WORDBOOK.slug, WORDBOOK.title);
  const lines = page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem");
  await expect(lines).toHaveCount(2);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$49.98");
  // Shipping to the US (the default destination): $4.99 for the paperback, 8% tax on each line.
  await expect(page.getByTestId("cart-total")).toHaveText("$58.97");
  await page.getByRole("button", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout\/stub\/cs_stub_\w+\?token=/);
  await expect(page.getByTestId("checkout-total")).toHaveText("$58.97");
}

function orderPath(stubUrl: string): string {
  const token = new URL(stubUrl).searchParams.get("token");
  return `/orders/${token}`;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`checkout with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a shopper buys an ebook and a paperback and sees the paid order", async ({ page }) => {
      await fillCartAndCheckout(page);
      if (javaScriptEnabled) {
        await expect(page.getByRole("link", { name: "Cart 2 items" })).toBeVisible();
      }
      await fillShipping(page);
      await page.getByRole("button", { name: "Pay $58.97" }).click();

      await expect(page).toHaveURL(/\/orders\/[\w-]{43}$/);
      await expect(page.getByText("Status: Paid")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for your order");
      await expect(page.getByTestId("order-total")).toHaveText("$58.97");
      await expect(
        page.getByRole("row", { name: /Mao, Stalin and the Korean War .* \$39\.99 1 \$39\.99/ }),
      ).toBeVisible();
      await expect(page.getByRole("row", { name: /Animales Wordbooks .* \$9\.99 1 \$9\.99/ })).toBeVisible();
      await expect(page.getByText("12 Library Lane")).toBeVisible();
      await expect(page.getByText("reader@example.com").first()).toBeVisible();

      // The cart that was bought is empty again.
      await page.goto("/cart");
      await expect(page.getByText("Your cart is empty.")).toBeVisible();
    });

    test("invalid checkout details are shown by their fields and nothing is paid", async ({ page }) => {
      await fillCartAndCheckout(page);
      const stubUrl = page.url();
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByRole("button", { name: "Pay $58.97" }).click();
      await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
      await expect(page.getByText("Enter the street address.")).toBeVisible();
      await expect(page.getByText("Choose the state.")).toBeVisible();
      await expect(page.getByText("Enter the ZIP code.")).toBeVisible();
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

      await page.goto(orderPath(stubUrl));
      await expect(page.getByText("Status: Awaiting payment confirmation")).toBeVisible();
      // Without JavaScript the page reloads itself until the webhook has arrived.
      await expect(page.locator('head meta[http-equiv="refresh"]')).toHaveAttribute("content", "3");
    });

    test("price fields added by the browser change nothing that is charged", async ({ page }) => {
      await page.goto(`/books/${FEATURED.slug}`);
      await injectField(page, /^Add to cart/, "priceMinor", "1");
      await injectField(page, /^Add to cart/, "unitPriceMinor", "1");
      await page.getByRole("button", { name: /^Add to cart/ }).click();
      await expect(page.getByRole("status").filter({ hasText: "Added to your cart:" })).toContainText(
        FEATURED.title,
      );
      await addToCart(page, WORDBOOK.slug, WORDBOOK.title);
      await expect(page.getByTestId("cart-subtotal")).toHaveText("$49.98");

      await injectField(page, "Checkout", "totalMinor", "1");
      await page.getByRole("button", { name: "Checkout" }).click();
      await expect(page.getByTestId("checkout-total")).toHaveText("$58.97");
      await fillShipping(page);
      await injectField(page, "Pay $58.97", "amount_total", "1");
      await injectField(page, "Pay $58.97", "priceMinor", "1");
      await page.getByRole("button", { name: "Pay $58.97" }).click();
      await expect(page.getByText("Status: Paid")).toBeVisible();
      await expect(page.getByTestId("order-total")).toHaveText("$58.97");
    });

    test("more than one copy of an ebook is refused with a message", async ({ page }) => {
      await page.goto(`/books/${FEATURED.slug}`);
      await injectField(page, /^Add to cart/, "quantity", "3");
      await page.getByRole("button", { name: /^Add to cart/ }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "Ebooks and audiobooks are sold one copy per order: the quantity is 1.",
      );
      await expect(page.getByText("Your cart is empty.")).toBeVisible();
    });

    test("a print quantity above the maximum is refused on the cart page", async ({ page }) => {
      await addToCart(page, WORDBOOK.slug, WORDBOOK.title);
      const quantity = page.getByLabel(`Quantity of ${WORDBOOK.title}`);
      await quantity.evaluate((input) => input.removeAttribute("max"));
      await quantity.fill("25");
      await page.getByRole("button", { name: `Update quantity of ${WORDBOOK.title}` }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "You can buy at most 10 copies of a book.",
      );
      await expect(page.getByTestId("cart-subtotal")).toHaveText("$9.99");
    });

    test("an order page with a wrong token is a readable 404", async ({ page }) => {
      const response = await page.goto(`/orders/${"A".repeat(43)}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
      expect(await response?.text()).toContain("We couldn&#x27;t find that page");
      expect((await page.goto("/orders/short"))?.status()).toBe(404);
      expect((await page.goto(`/checkout/stub/cs_stub_nothing?token=${"A".repeat(43)}`))?.status()).toBe(404);
    });
  });
}

test("the webhook refuses an unsigned event with a problem document", async ({ request }) => {
  const response = await request.post("/api/webhooks/stripe", {
    data: { id: "evt_forged", type: "checkout.session.completed", data: { object: {} } },
  });
  expect(response.status()).toBe(400);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(await response.json()).toMatchObject({ type: "/problems/validation", status: 400 });
});

test("product pages stay cached with the cart in the header", async ({ page, request }) => {
  await request.get(`/books/${FEATURED.slug}`);
  const response = await request.get(`/books/${FEATURED.slug}`);
  expect(response.headers()["x-nextjs-cache"]).toBe("HIT");
  await page.goto(`/books/${FEATURED.slug}`);
  await expect(page.getByRole("link", { name: "Cart", exact: true })).toBeVisible();
});

test("cart, checkout and order pages have no accessibility violations", async ({ page }) => {
  const violations = async () =>
    (
      await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze()
    ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  await page.goto("/cart");
  expect(await violations()).toEqual([]);
  await fillCartAndCheckout(page);
  await page.getByRole("button", { name: "Pay $58.97" }).click();
  await expect(page.getByText("Enter the street address.")).toBeVisible();
  expect(await violations()).toEqual([]);
  await fillShipping(page);
  await page.getByRole("button", { name: "Pay $58.97" }).click();
  await expect(page.getByText("Status: Paid")).toBeVisible();
  expect(await violations()).toEqual([]);
});
