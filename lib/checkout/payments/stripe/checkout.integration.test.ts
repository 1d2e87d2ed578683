// The Stripe provider against the project's Stripe mock (scripts/test/stripe-mock.mjs), on both
// databases: the exact request the SDK sends, the session stored on the order, fulfilment from the
// mock's signed events, and provider errors that keep the cart and expire the order.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { startStripeMock } from "@/scripts/test/stripe-mock.mjs";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { addToCart, readCart } from "../../cart/store";
import { findOrderByToken } from "../../orders/store";
import { CART_NOTICES, CartError } from "../../cart/rules";
import { startCheckout } from "../start-checkout";
import { CHECKOUT_SESSION_MINUTES, createStripeProvider } from "./provider";
import { handleStripeWebhook } from "../../webhook/handle";
import { DEFAULT_SHIPPING_ZONES } from "../../cart/shipping";

const PRICING = { zones: DEFAULT_SHIPPING_ZONES, secret: "integration-session-secret-0123456789abcdef" };
const LINKS = { siteUrl: "http://store.test", secret: PRICING.secret };

const WEBHOOK_SECRET = "whsec_stripe_mock_integration";
const SITE = "https://books.example.com";
const FEATURED = "mao-stalin-and-the-korean-war";
const WORDBOOK = "animales-wordbooks";

interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface MockEvent {
  payload: string;
  signature: string;
  event: { data: { object: Record<string, unknown> } };
}

let mock: Awaited<ReturnType<typeof startStripeMock>>;

beforeAll(async () => {
  mock = await startStripeMock({ webhookSecret: WEBHOOK_SECRET });
});
afterAll(async () => mock?.close());

async function control<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${mock.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function sessionRequests(): Promise<RecordedRequest[]> {
  const all = (await (await fetch(`${mock.url}/__requests`)).json()) as RecordedRequest[];
  return all.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
}

describe.each(testEngines())("Stripe checkout against the mock on %s", (engine) => {
  let db: TestDatabase;
  let ebookId: number;
  let paperbackId: number;
  const provider = () =>
    createStripeProvider({ secretKey: "sk_test_mock", apiBase: mock.url, siteUrl: SITE });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const catalog = await readSeedCatalog();
    await db.prisma.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
    const edition = (slug: string) =>
      db.prisma.edition.findFirstOrThrow({ where: { book: { slug } }, select: { id: true } });
    ebookId = (await edition(FEATURED)).id;
    paperbackId = (await edition(WORDBOOK)).id;
  });
  afterAll(async () => db?.destroy());
  beforeEach(async () => {
    await fetch(`${mock.url}/__requests`, { method: "DELETE" });
  });

  async function mixedCart(): Promise<string> {
    const { cartId } = await addToCart(db.prisma, null, { editionId: String(ebookId) });
    await addToCart(db.prisma, cartId, { editionId: String(paperbackId), quantity: "1" });
    return cartId;
  }

  const deliver = (event: MockEvent) =>
    handleStripeWebhook(db.prisma, event.payload, event.signature, WEBHOOK_SECRET, LINKS);

  it("sends the exact Checkout Session request for a mixed cart and stores the session", async () => {
    const cartId = await mixedCart();
    const before = Math.floor(Date.now() / 1000);
    const { order, url } = await startCheckout(db.prisma, cartId, provider(), PRICING);
    const after = Math.floor(Date.now() / 1000);

    const [request, ...others] = await sessionRequests();
    expect(others).toEqual([]);
    expect(request!.headers["idempotency-key"]).toBe(`checkout:${order.id}`);
    expect(request!.headers.authorization).toBe("Bearer sk_test_mock");
    expect(request!.headers["stripe-version"]).toBe(Stripe.API_VERSION);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");

    // The zone's tax goes to Stripe as a Tax Rate, made once before the first session that needs it.
    const taxRequests = (await (await fetch(`${mock.url}/__requests`)).json()) as RecordedRequest[];
    const taxRequest = taxRequests.filter((r) => r.path === "/v1/tax_rates");
    expect(taxRequest).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(taxRequest[0]!.body))).toEqual({
      display_name: "Tax",
      percentage: "8",
      inclusive: "false",
      country: "US",
      jurisdiction: "United States",
      "metadata[zone]": "United States",
      "metadata[basisPoints]": "800",
    });
    const fields = request!.body.split("&").map((pair) => pair.split("=").map(decodeURIComponent));
    const taxRate = fields.find(([key]) => key === "line_items[0][tax_rates][0]")?.[1];
    expect(taxRate).toMatch(/^txr_/);
    const expiresAt = Number(fields.find(([key]) => key === "expires_at")?.[1]);
    expect(expiresAt).toBeGreaterThanOrEqual(before + CHECKOUT_SESSION_MINUTES * 60);
    expect(expiresAt).toBeLessThanOrEqual(after + CHECKOUT_SESSION_MINUTES * 60);
    const token = new URL(
      fields.find(([key]) => key === "success_url")![1]!.replace(`${SITE}/orders/`, "https://x/"),
    ).pathname.slice(1);
    expect(fields).toEqual([
      ["mode", "payment"],
      ["line_items[0][quantity]", "1"],
      ["line_items[0][price_data][currency]", "usd"],
      ["line_items[0][price_data][unit_amount]", "3999"],
      ["line_items[0][price_data][product_data][name]", "Mao, Stalin and the Korean War (Kindle Edition)"],
      ["line_items[0][tax_rates][0]", taxRate],
      ["line_items[1][quantity]", "1"],
      ["line_items[1][price_data][currency]", "usd"],
      ["line_items[1][price_data][unit_amount]", "999"],
      ["line_items[1][price_data][product_data][name]", "Animales Wordbooks (Paperback)"],
      ["line_items[1][tax_rates][0]", taxRate],
      ["client_reference_id", order.id],
      ["metadata[orderId]", order.id],
      ["metadata[orderNumber]", order.number],
      ["payment_intent_data[metadata][orderId]", order.id],
      ["payment_intent_data[metadata][orderNumber]", order.number],
      ["success_url", `${SITE}/orders/${token}`],
      ["cancel_url", `${SITE}/cart?notice=cancelled`],
      // Only the destination chosen in the cart, whose zone priced the shipping and tax.
      ["shipping_address_collection[allowed_countries][0]", "US"],
      ["shipping_options[0][shipping_rate_data][type]", "fixed_amount"],
      ["shipping_options[0][shipping_rate_data][display_name]", "Shipping (United States)"],
      ["shipping_options[0][shipping_rate_data][fixed_amount][amount]", "499"],
      ["shipping_options[0][shipping_rate_data][fixed_amount][currency]", "usd"],
      ["expires_at", String(expiresAt)],
    ]);

    // The shopper goes to the session's URL; the order holds the session id.
    expect(url).toMatch(new RegExp(`^${mock.url}/c/pay/cs_test_\\w+$`));
    const stored = await findOrderByToken(db.prisma, token);
    // 39.99 + 9.99, shipping 4.99 for one paperback, 8% tax on each line (3.20 + 0.80).
    expect(stored).toMatchObject({
      status: "pending",
      provider: "stripe",
      subtotalMinor: 4998,
      shippingMinor: 499,
      taxMinor: 400,
      totalMinor: 5897,
    });
    expect(stored!.providerSessionId).toBe(url.split("/").pop());
    const { session } = mock.sessions.get(stored!.providerSessionId!) as { session: unknown };
    expect(session).toMatchObject({
      amount_subtotal: 4998,
      amount_total: 5897,
      total_details: { amount_shipping: 499, amount_tax: 400 },
      currency: "usd",
      client_reference_id: order.id,
      metadata: { orderId: order.id },
      payment_intent: null,
      status: "open",
    });
  });

  it("asks for no shipping address when everything is digital", async () => {
    const { cartId } = await addToCart(db.prisma, null, { editionId: String(ebookId) });
    await startCheckout(db.prisma, cartId, provider(), PRICING);
    const [request] = await sessionRequests();
    expect(request!.body).not.toContain("shipping_address_collection");
    expect(decodeURIComponent(request!.body)).toContain("line_items[0][price_data][unit_amount]=3999");
  });

  it("is paid, then refunded, by the signed events of the real shapes", async () => {
    const cartId = await mixedCart();
    const { order } = await startCheckout(db.prisma, cartId, provider(), PRICING);
    const completed = await control<MockEvent>(`/__sessions/${order.providerSessionId}/complete`, {
      email: "reader@example.com",
    });
    expect(await deliver(completed)).toMatchObject({ outcome: "paid", replay: false });
    const paymentIntent = completed.event.data.object.payment_intent as string;
    const paid = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paid).toMatchObject({
      status: "paid",
      providerPaymentId: paymentIntent,
      email: "reader@example.com",
      shippingAddress: expect.objectContaining({ line1: "12 Library Lane", country: "US" }) as unknown,
    });
    expect((await readCart(db.prisma, cartId, PRICING.zones)).lines).toEqual([]);
    expect(await deliver(completed)).toMatchObject({ outcome: "paid", replay: true });

    const refund = await control<MockEvent>(`/__sessions/${order.providerSessionId}/refund`);
    expect(refund.event.data.object).toMatchObject({ payment_intent: paymentIntent, refunded: true });
    expect(await deliver(refund)).toMatchObject({ outcome: "refunded" });
  });

  it("matches a refund by the stored payment intent alone", async () => {
    const { order } = await startCheckout(db.prisma, await mixedCart(), provider(), PRICING);
    const completed = await control<MockEvent>(`/__sessions/${order.providerSessionId}/complete`);
    await deliver(completed);
    const refund = await control<MockEvent>(`/__sessions/${order.providerSessionId}/refund`);
    const event = JSON.parse(refund.payload) as { id: string; data: { object: Record<string, unknown> } };
    event.id = `${event.id}_bare`;
    event.data.object.metadata = {};
    const payload = JSON.stringify(event);
    const signature = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
    });
    expect(await handleStripeWebhook(db.prisma, payload, signature, WEBHOOK_SECRET, LINKS)).toMatchObject({
      orderId: order.id,
      outcome: "refunded",
    });
  });

  it("expires the order on checkout.session.expired", async () => {
    const { order } = await startCheckout(db.prisma, await mixedCart(), provider(), PRICING);
    const expired = await control<MockEvent>(`/__sessions/${order.providerSessionId}/expire`);
    expect(await deliver(expired)).toMatchObject({ outcome: "expired" });
  });

  for (const [failure, notice] of [
    [
      { status: 402, type: "card_error", code: "card_declined", message: "Your card was declined." },
      "payment-declined",
    ],
    [
      { status: 500, type: "api_error", message: "Something went wrong on Stripe's end." },
      "payment-unavailable",
    ],
    [
      { status: 400, type: "invalid_request_error", message: "Invalid currency", param: "currency" },
      "payment-unavailable",
    ],
    [
      { status: 401, type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****" },
      "payment-unavailable",
    ],
  ] as const) {
    it(`keeps the cart and expires the order on a Stripe ${failure.type} (${failure.status})`, async () => {
      const cartId = await mixedCart();
      const cartBefore = await readCart(db.prisma, cartId, PRICING.zones);
      await control("/__fail-next", failure);
      const error = await startCheckout(db.prisma, cartId, provider(), PRICING).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CartError);
      expect((error as CartError).notice).toBe(notice);
      expect(CART_NOTICES[notice]).toMatch(/nothing was charged and your cart is as you left it/);
      expect(await readCart(db.prisma, cartId, PRICING.zones)).toEqual(cartBefore);
      const orders = await db.prisma.order.findMany({ where: { cartId } });
      expect(orders.map((o) => [o.status, o.providerSessionId])).toEqual([["expired", null]]);
      expect(await sessionRequests()).toHaveLength(1);

      // The next attempt is a new order with a new idempotency key, and goes through.
      const retry = await startCheckout(db.prisma, cartId, provider(), PRICING);
      expect(retry.url).toContain("/c/pay/cs_test_");
      const keys = (await sessionRequests()).map((r) => r.headers["idempotency-key"]);
      expect(new Set(keys).size).toBe(2);
    });
  }

  it("keeps the cart when Stripe cannot be reached", async () => {
    const cartId = await mixedCart();
    const unreachable = createStripeProvider({
      secretKey: "sk_test_mock",
      apiBase: "http://127.0.0.1:9",
      siteUrl: SITE,
    });
    await expect(startCheckout(db.prisma, cartId, unreachable, PRICING)).rejects.toMatchObject({
      notice: "payment-unavailable",
    });
    expect((await readCart(db.prisma, cartId, PRICING.zones)).lines).toHaveLength(2);
    const orders = await db.prisma.order.findMany({ where: { cartId } });
    expect(orders.map((o) => o.status)).toEqual(["expired"]);
  });
});
