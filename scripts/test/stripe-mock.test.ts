// The Stripe mock behaves like Stripe where the store depends on it: the SDK's requests parse,
// bad params get Stripe-shaped 400s, idempotency keys replay, and its events verify with the SDK.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseStripeForm, startStripeMock } from "./stripe-mock.mjs";

const SECRET = "whsec_mock_unit";
let mock: Awaited<ReturnType<typeof startStripeMock>>;
let stripe: Stripe;

beforeAll(async () => {
  mock = await startStripeMock({ webhookSecret: SECRET });
  const { port } = mock;
  stripe = new Stripe("sk_test_mock", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
});
afterAll(async () => mock?.close());

const params = (): Stripe.Checkout.SessionCreateParams => ({
  mode: "payment",
  line_items: [
    { quantity: 2, price_data: { currency: "usd", unit_amount: 999, product_data: { name: "A book" } } },
  ],
  success_url: "https://books.example.com/orders/t",
  metadata: { orderId: "o1" },
  expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
});

async function stripeError(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => error as InstanceType<typeof Stripe.errors.StripeError>,
  );
}

describe("the Stripe mock", () => {
  it("charges line items' tax rates and a fixed-amount shipping option, as Stripe totals them", async () => {
    const rate = await stripe.taxRates.create({
      display_name: "Tax",
      percentage: 8,
      inclusive: false,
      country: "US",
    });
    expect(rate).toMatchObject({ object: "tax_rate", percentage: 8, inclusive: false, active: true });
    const base = params();
    const session = await stripe.checkout.sessions.create({
      ...base,
      line_items: base.line_items!.map((item) => ({ ...item, tax_rates: [rate.id] })),
      shipping_address_collection: { allowed_countries: ["US"] },
      shipping_options: [
        {
          shipping_rate_data: {
            type: "fixed_amount",
            display_name: "Shipping (United States)",
            fixed_amount: { amount: 499, currency: "usd" },
          },
        },
      ],
    });
    // 2 × 9.99 = 19.98, 8% of it rounded half up = 1.60, shipping 4.99.
    expect(session).toMatchObject({
      amount_subtotal: 1998,
      amount_total: 1998 + 160 + 499,
      total_details: { amount_discount: 0, amount_shipping: 499, amount_tax: 160 },
    });
    const unknownRate = await stripeError(
      stripe.checkout.sessions.create({
        ...base,
        line_items: [{ ...base.line_items![0]!, tax_rates: ["txr_nope"] }],
      }),
    );
    expect(unknownRate).toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "line_items[0][tax_rates][0]",
    });
    const noAddress = await stripeError(
      stripe.checkout.sessions.create({
        ...base,
        shipping_options: [
          {
            shipping_rate_data: {
              type: "fixed_amount",
              display_name: "Shipping",
              fixed_amount: { amount: 499, currency: "usd" },
            },
          },
        ],
      }),
    );
    expect(noAddress).toMatchObject({ statusCode: 400, param: "shipping_options" });
    expect(
      await stripeError(stripe.taxRates.create({ display_name: "Tax", percentage: 101, inclusive: false })),
    ).toMatchObject({
      statusCode: 400,
      param: "percentage",
    });
  });

  it("parses Stripe's form encoding into nested objects and arrays", () => {
    expect(parseStripeForm("a[b][0][c]=x&a[b][1][c]=y&mode=payment&m%5Bk%5D=v&l[0]=US&l[1]=CA")).toEqual({
      a: { b: [{ c: "x" }, { c: "y" }] },
      mode: "payment",
      m: { k: "v" },
      l: ["US", "CA"],
    });
  });

  it("creates and retrieves a realistic open session through the SDK", async () => {
    const session = await stripe.checkout.sessions.create(params());
    expect(session).toMatchObject({
      object: "checkout.session",
      amount_total: 1998,
      currency: "usd",
      metadata: { orderId: "o1" },
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      url: `${mock.url}/c/pay/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_\w{58}$/);
    expect((await stripe.checkout.sessions.retrieve(session.id)).id).toBe(session.id);
    const page = await fetch(session.url!);
    expect(await page.text()).toContain("$19.98");
  });

  it("answers missing and invalid params with Stripe-shaped 400s", async () => {
    const { line_items: _items, ...noItems } = params();
    const cases: [Stripe.Checkout.SessionCreateParams, string, string | undefined][] = [
      [noItems, "line_items", "parameter_missing"],
      [{ ...params(), success_url: "not a url" }, "success_url", "url_invalid"],
      [{ ...params(), expires_at: Math.floor(Date.now() / 1000) + 60 }, "expires_at", undefined],
      [
        {
          ...params(),
          line_items: [{ quantity: 1, price_data: { currency: "usd", product_data: { name: "x" } } }],
        },
        "line_items[0][price_data][unit_amount]",
        "parameter_missing",
      ],
      [{ ...params(), customer_email: "nope" }, "customer_email", "email_invalid"],
    ];
    for (const [body, param, code] of cases) {
      const error = await stripeError(stripe.checkout.sessions.create(body));
      expect(error, param).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param, code });
    }
    const raw = await fetch(`${mock.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: { Authorization: "Bearer sk_test_mock" },
      body: "mode=payment&success_url=https://x.example",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "parameter_missing",
        message: "Missing required param: line_items.",
        param: "line_items",
      },
    });
    expect((await fetch(`${mock.url}/v1/checkout/sessions`, { method: "POST" })).status).toBe(401);
  });

  it("replays an idempotency key and refuses it with other params", async () => {
    const body = params();
    const first = await stripe.checkout.sessions.create(body, { idempotencyKey: "checkout:same" });
    const again = await stripe.checkout.sessions.create(body, { idempotencyKey: "checkout:same" });
    expect(again.id).toBe(first.id);
    const error = await stripeError(
      stripe.checkout.sessions.create(
        { ...body, client_reference_id: "other" },
        { idempotencyKey: "checkout:same" },
      ),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("fails the next create with the Stripe error it is given", async () => {
    await fetch(`${mock.url}/__fail-next`, {
      method: "POST",
      body: JSON.stringify({ status: 402, type: "card_error", code: "card_declined", message: "Declined." }),
    });
    const error = await stripeError(stripe.checkout.sessions.create(params()));
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ code: "card_declined", message: "Declined." });
    expect(await stripe.checkout.sessions.create(params())).toMatchObject({ status: "open" });
  });

  it("completes a session into an event the SDK verifies with the webhook secret", async () => {
    const session = await stripe.checkout.sessions.create({
      ...params(),
      shipping_address_collection: { allowed_countries: ["US"] },
    });
    const response = await fetch(`${mock.url}/__sessions/${session.id}/complete`, { method: "POST" });
    const { payload, signature } = (await response.json()) as { payload: string; signature: string };
    const event = stripe.webhooks.constructEvent(payload, signature, SECRET);
    expect(event.type).toBe("checkout.session.completed");
    expect(event.data.object).toMatchObject({
      id: session.id,
      payment_status: "paid",
      status: "complete",
      payment_intent: expect.stringMatching(/^pi_test_/) as unknown,
      collected_information: { shipping_details: { address: { country: "US" } } },
    });
    expect(() => stripe.webhooks.constructEvent(payload, signature, "whsec_other")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const requests = (await (await fetch(`${mock.url}/__requests`)).json()) as { path: string }[];
    expect(requests.some((r) => r.path === `/v1/checkout/sessions`)).toBe(true);
  });
});
