import { describe, expect, it } from "vitest";
import {
  buildCheckoutSessionEvent,
  readOrderEvent,
  signPayload,
  verifyEvent,
  WEBHOOK_CLOCK_SKEW_SECONDS,
} from "./events";

/** `verify` throws the AppError a forged or stale delivery gets (a 400, nothing stored). */
function expectBadSignature(verify: () => unknown) {
  let error: unknown = null;
  try {
    verify();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toMatchObject({ name: "AppError", code: "invalid_signature" });
}

const SECRET = "whsec_unit_test_secret";
const shipping = {
  name: "Ada L",
  line1: "1 Main St",
  line2: null,
  city: "Springfield",
  region: "IL",
  postalCode: "12345",
  country: "US",
};

function completed() {
  return buildCheckoutSessionEvent({
    type: "checkout.session.completed",
    sessionId: "cs_stub_abc",
    orderId: "order-1",
    amountTotal: 4998,
    currency: "USD",
    email: "ada@example.com",
    shipping,
    paymentIntentId: "pi_stub_1",
  });
}

describe("stub checkout events", () => {
  it("look like Stripe's checkout.session.completed", () => {
    const event = completed();
    expect(event.id).toMatch(/^evt_/);
    expect(event).toMatchObject({ object: "event", type: "checkout.session.completed", livemode: false });
    expect(event.data.object).toMatchObject({
      id: "cs_stub_abc",
      object: "checkout.session",
      client_reference_id: "order-1",
      metadata: { orderId: "order-1" },
      amount_total: 4998,
      currency: "usd",
      customer_details: { email: "ada@example.com" },
      shipping_details: {
        name: "Ada L",
        address: { line1: "1 Main St", postal_code: "12345", country: "US" },
      },
      payment_status: "paid",
      payment_intent: "pi_stub_1",
    });
  });

  it("survive a signature round trip and read back as a paid event", () => {
    const payload = JSON.stringify(completed());
    const event = verifyEvent(payload, signPayload(payload, SECRET), SECRET);
    expect(readOrderEvent(event)).toMatchObject({
      kind: "paid",
      orderId: "order-1",
      sessionId: "cs_stub_abc",
      amountTotal: 4998,
      currency: "USD",
      email: "ada@example.com",
      shipping,
      paymentIntentId: "pi_stub_1",
    });
  });

  it("are refused with another secret, a changed body or no signature", () => {
    const payload = JSON.stringify(completed());
    const header = signPayload(payload, SECRET);
    expectBadSignature(() => verifyEvent(payload, header, "whsec_other"));
    expectBadSignature(() => verifyEvent(payload.replace("4998", "1"), header, SECRET));
    expectBadSignature(() => verifyEvent(payload, null, SECRET));
    expectBadSignature(() => verifyEvent(payload, "t=1,v1=deadbeef", SECRET));
  });

  it("refuse an old signature (replayed capture)", () => {
    const payload = JSON.stringify(completed());
    const old = signPayload(payload, SECRET, Math.floor(Date.now() / 1000) - 3600);
    expectBadSignature(() => verifyEvent(payload, old, SECRET));
  });

  it("refuse a signature timestamped in the future beyond a small clock skew", () => {
    const event = completed();
    const payload = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);
    const ahead = signPayload(payload, SECRET, now + 3600);
    expect(() => verifyEvent(payload, ahead, SECRET)).toThrow(/future/);
    // Stripe's SDK reads the last t=: a present one in front must not hide the future one it checks.
    expect(() => verifyEvent(payload, `t=${now},${ahead}`, SECRET)).toThrow(/future/);
    const skewed = signPayload(payload, SECRET, now + WEBHOOK_CLOCK_SKEW_SECONDS - 5);
    expect(verifyEvent(payload, skewed, SECRET).id).toBe(event.id);
  });

  it("map each event type to what it does", () => {
    const expired = buildCheckoutSessionEvent({
      type: "checkout.session.expired",
      sessionId: "cs_1",
      orderId: "o",
      amountTotal: 1,
      currency: "usd",
      email: null,
      shipping: null,
      paymentIntentId: null,
    });
    expect(readOrderEvent(expired)).toMatchObject({ kind: "expired", orderId: "o", paymentIntentId: null });
    const unpaid = completed();
    unpaid.data.object.payment_status = "unpaid";
    expect(readOrderEvent(unpaid).kind).toBeNull();
    const refund = {
      id: "evt_r",
      type: "charge.refunded",
      data: { object: { payment_intent: "pi_9", refunded: true } },
    };
    expect(readOrderEvent(refund)).toMatchObject({
      kind: "refunded",
      paymentIntentId: "pi_9",
      fullyRefunded: true,
    });
    const partial = {
      id: "evt_p",
      type: "charge.refunded",
      data: { object: { payment_intent: "pi_9", refunded: false } },
    };
    expect(readOrderEvent(partial).fullyRefunded).toBe(false);
    expect(readOrderEvent({ id: "evt_x", type: "customer.created", data: { object: {} } }).kind).toBeNull();
  });
});
