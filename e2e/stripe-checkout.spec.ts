// A live-mode store (STORE_MODE=live, PostgreSQL) paying through Stripe Checkout, with the
// project's Stripe mock standing in for api.stripe.com and the hosted checkout page. Run only by
// the `stripe` Playwright project (playwright.config.ts).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { FEATURED } from "./support/catalog";

const MOCK = process.env.E2E_STRIPE_MOCK_URL!;
const WORDBOOK = "animales-wordbooks";

async function addToCart(page: Page, slug: string) {
  await page.goto(`/books/${slug}`);
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
}

async function fillCart(page: Page) {
  await addToCart(page, FEATURED.slug);
  await addToCart(page, WORDBOOK);
  await expect(page.getByTestId("cart-subtotal")).toHaveText("$49.98");
}

/** What Stripe does when the shopper pays: the session completes and a signed event reaches the webhook. */
async function payAndDeliver(request: APIRequestContext, sessionId: string) {
  const completed = await request.post(`${MOCK}/__sessions/${sessionId}/complete`, {
    data: { email: "reader@example.com" },
  });
  expect(completed.status()).toBe(200);
  const { payload, signature } = (await completed.json()) as { payload: string; signature: string };
  const delivered = await request.post("/api/webhooks/stripe", {
    headers: { "Content-Type": "application/json", "Stripe-Signature": signature },
    data: payload,
  });
  expect(delivered.status()).toBe(200);
  expect(await delivered.json()).toMatchObject({ received: true, outcome: "paid" });
}

async function failNextSession(request: APIRequestContext, failure: Record<string, unknown>) {
  expect((await request.post(`${MOCK}/__fail-next`, { data: failure })).status()).toBe(200);
}

const hostedCheckout = new RegExp(`^${MOCK.replace(/[.]/g, "\\.")}/c/pay/(cs_test_\\w+)$`);

for (const javaScriptEnabled of [true, false]) {
  test.describe(`Stripe checkout with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a shopper pays on Stripe's hosted page and sees the paid order", async ({ page, request }) => {
      await fillCart(page);
      await page.getByRole("button", { name: "Checkout" }).click();

      // Redirected to the session's URL: the (mock) hosted checkout, charging the order's total.
      await expect(page).toHaveURL(hostedCheckout);
      const sessionId = hostedCheckout.exec(page.url())![1]!;
      // Shipping $4.99 for the paperback and 8% tax, as Stripe computes it from what the store sent.
      await expect(page.getByTestId("session-total")).toHaveText("$58.97");
      await expect(page.getByRole("list", { name: "Line items" })).toContainText(
        "Animales Wordbooks (Paperback) × 1: $9.99",
      );

      await payAndDeliver(request, sessionId);

      // Stripe sends the shopper back to the success URL: the order page, paid by the webhook.
      await page.reload();
      await page.getByRole("link", { name: "Return to the store" }).click();
      await expect(page).toHaveURL(/\/orders\/[\w-]{43}$/);
      await expect(page.getByText("Status: Paid")).toBeVisible();
      await expect(page.getByTestId("order-total")).toHaveText("$58.97");
      await expect(page.getByText("12 Library Lane")).toBeVisible();
      await expect(page.getByText("reader@example.com").first()).toBeVisible();

      await page.goto("/cart");
      await expect(page.getByText("Your cart is empty.")).toBeVisible();
    });

    test("a Stripe error brings the shopper back to the cart with a message and the cart intact", async ({
      page,
      request,
    }) => {
      await fillCart(page);
      await failNextSession(request, {
        status: 402,
        type: "card_error",
        code: "card_declined",
        message: "Your card was declined.",
      });
      await page.getByRole("button", { name: "Checkout" }).click();
      await expect(page).toHaveURL(/\/cart\?notice=payment-declined$/);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "The payment was declined: nothing was charged and your cart is as you left it. Please try another card.",
      );
      await expect(page.getByTestId("cart-subtotal")).toHaveText("$49.98");

      await failNextSession(request, { status: 500, type: "api_error", message: "Stripe is down." });
      await page.getByRole("button", { name: "Checkout" }).click();
      await expect(page).toHaveURL(/\/cart\?notice=payment-unavailable$/);
      await expect(page.getByRole("main").getByRole("alert")).toContainText(
        "We could not start the payment: nothing was charged",
      );
      await expect(page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem")).toHaveCount(
        2,
      );

      // Stripe is back: the same cart checks out.
      await page.getByRole("button", { name: "Checkout" }).click();
      await expect(page).toHaveURL(hostedCheckout);
    });
  });
}

test("live mode has no stub checkout: its pages are 404", async ({ page }) => {
  const response = await page.goto(`/checkout/stub/cs_stub_nothing?token=${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});

test("the webhook refuses an event signed with another secret", async ({ request }) => {
  const payload = JSON.stringify({
    id: "evt_forged",
    type: "checkout.session.completed",
    data: { object: {} },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await request.post("/api/webhooks/stripe", {
    headers: {
      "Content-Type": "application/json",
      "Stripe-Signature": `t=${timestamp},v1=${"0".repeat(64)}`,
    },
    data: payload,
  });
  expect(response.status()).toBe(400);
});
