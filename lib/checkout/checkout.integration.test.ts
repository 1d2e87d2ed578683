import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { findOrderForAdmin, listOrdersForAdmin } from "./orders/admin";
import { addToCart, readCart, removeFromCart, setQuantity } from "./cart/store";
import { buildCheckoutSessionEvent, signPayload } from "./webhook/events";
import { attachProviderSession, createPendingOrder, findOrderByToken, type OrderView } from "./orders/store";
import { CartError } from "./cart/rules";
import { handleStripeWebhook } from "./webhook/handle";
import { DEFAULT_SHIPPING_ZONES } from "./cart/shipping";

const PRICING = { zones: DEFAULT_SHIPPING_ZONES, secret: "integration-session-secret-0123456789abcdef" };
const LINKS = { siteUrl: "http://store.test", secret: PRICING.secret };

const SECRET = "whsec_integration_test_secret";
const FEATURED = "mao-stalin-and-the-korean-war";
const WORDBOOK = "animales-wordbooks";

describe.each(testEngines())("checkout on %s", (engine) => {
  let db: TestDatabase;
  let ebookId: number;
  let paperbackId: number;

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

  async function cartWithBoth(): Promise<string> {
    const { cartId } = await addToCart(db.prisma, null, { editionId: String(ebookId) });
    await addToCart(db.prisma, cartId, { editionId: String(paperbackId), quantity: "1" });
    return cartId;
  }

  async function pendingOrder(cartId?: string): Promise<{ order: OrderView; token: string }> {
    const { order, accessToken } = await createPendingOrder(
      db.prisma,
      cartId ?? (await cartWithBoth()),
      "stub",
      PRICING,
    );
    const sessionId = `cs_test_${order.id.slice(0, 8)}`;
    await attachProviderSession(db.prisma, order.id, sessionId);
    return { order: { ...order, providerSessionId: sessionId }, token: accessToken };
  }

  function signed(
    order: OrderView,
    type: "checkout.session.completed" | "checkout.session.expired" = "checkout.session.completed",
    amountTotal = order.totalMinor,
  ) {
    const event = buildCheckoutSessionEvent({
      type,
      sessionId: order.providerSessionId!,
      orderId: order.id,
      amountTotal,
      currency: order.currency,
      email: "reader@example.com",
      shipping: {
        name: "R",
        line1: "1 Main St",
        line2: null,
        city: "Town",
        region: "OR",
        postalCode: "97205",
        country: "US",
      },
      paymentIntentId: type === "checkout.session.completed" ? `pi_${order.id.slice(0, 8)}` : null,
    });
    const payload = JSON.stringify(event);
    return { event, payload, header: signPayload(payload, SECRET) };
  }

  const deliver = (d: { payload: string; header: string }) =>
    handleStripeWebhook(db.prisma, d.payload, d.header, SECRET, LINKS);

  async function state(orderId: string) {
    return {
      status: (await db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status,
      events: await db.prisma.processedWebhookEvent.count({ where: { orderId } }),
      receipts: await db.prisma.emailOutbox.count({ where: { orderId } }),
    };
  }

  describe("cart", () => {
    it("adds, changes and removes lines, priced from the database", async () => {
      const cartId = await cartWithBoth();
      await setQuantity(db.prisma, cartId, { editionId: String(paperbackId), quantity: "3" });
      let cart = await readCart(db.prisma, cartId, PRICING.zones);
      expect(cart.lines.map((l) => [l.editionId, l.quantity, l.lineTotalMinor])).toEqual([
        [ebookId, 1, 3999],
        [paperbackId, 3, 2997],
      ]);
      expect(cart.subtotalMinor).toBe(6996);
      await removeFromCart(db.prisma, cartId, { editionId: String(paperbackId) });
      cart = await readCart(db.prisma, cartId, PRICING.zones);
      expect(cart.lines).toHaveLength(1);
      expect(cart.subtotalMinor).toBe(3999);
    });

    it("refuses bad input and stores nothing", async () => {
      const before = await db.prisma.cartItem.count();
      const refused = async (input: Record<string, string | undefined>) =>
        addToCart(db.prisma, null, input).then(
          () => null,
          (error: unknown) => (error instanceof CartError ? error.notice : error),
        );
      expect(await refused({ editionId: "999999" })).toBe("unavailable");
      expect(await refused({ editionId: "abc" })).toBe("unavailable");
      expect(await refused({ editionId: String(paperbackId), quantity: "0" })).toBe("quantity-invalid");
      expect(await refused({ editionId: String(paperbackId), quantity: "-2" })).toBe("quantity-invalid");
      expect(await refused({ editionId: String(paperbackId), quantity: "many" })).toBe("quantity-invalid");
      expect(await refused({ editionId: String(paperbackId), quantity: "11" })).toBe("quantity-max");
      expect(await refused({ editionId: String(paperbackId), quantity: "99999999999" })).toBe(
        "quantity-invalid",
      );
      expect(await refused({ editionId: String(ebookId), quantity: "2" })).toBe("quantity-digital");
      expect(await db.prisma.cartItem.count()).toBe(before);
    });

    it("keeps an ebook at one copy and print within the cap", async () => {
      const { cartId } = await addToCart(db.prisma, null, { editionId: String(ebookId) });
      expect((await addToCart(db.prisma, cartId, { editionId: String(ebookId) })).notice).toBe(
        "already-in-cart",
      );
      await addToCart(db.prisma, cartId, { editionId: String(paperbackId), quantity: "9" });
      await expect(
        addToCart(db.prisma, cartId, { editionId: String(paperbackId), quantity: "2" }),
      ).rejects.toMatchObject({ notice: "quantity-max" });
      await expect(
        setQuantity(db.prisma, cartId, { editionId: String(ebookId), quantity: "2" }),
      ).rejects.toMatchObject({ notice: "quantity-digital" });
      const cart = await readCart(db.prisma, cartId, PRICING.zones);
      expect(cart.lines.map((l) => l.quantity)).toEqual([1, 9]);
    });

    it("only sells published books", async () => {
      await db.prisma.book.update({ where: { slug: WORDBOOK }, data: { status: "hidden" } });
      try {
        await expect(addToCart(db.prisma, null, { editionId: String(paperbackId) })).rejects.toMatchObject({
          notice: "unavailable",
        });
      } finally {
        await db.prisma.book.update({ where: { slug: WORDBOOK }, data: { status: "published" } });
      }
    });
  });

  describe("orders and the webhook", () => {
    it("snapshots and charges the price at checkout, not the price when added", async () => {
      const cartId = await cartWithBoth();
      await db.prisma.edition.update({ where: { id: ebookId }, data: { priceMinor: 2599 } });
      try {
        const cart = await readCart(db.prisma, cartId, PRICING.zones);
        const ebookLine = cart.lines.find((l) => l.editionId === ebookId)!;
        expect(ebookLine).toMatchObject({
          priceChanged: true,
          priceMinorWhenAdded: 3999,
          unitPriceMinor: 2599,
        });
        expect(cart.subtotalMinor).toBe(2599 + 999);

        const { order, token } = await pendingOrder(cartId);
        // Shipping for the paperback and 8% tax per line, for the default destination (US).
        expect(order).toMatchObject({
          subtotalMinor: 2599 + 999,
          shippingMinor: 499,
          taxMinor: 208 + 80,
          totalMinor: 2599 + 999 + 499 + 288,
          country: "US",
          shippingZone: "United States",
        });
        expect(order.items.map((i) => [i.bookTitle, i.unitPriceMinor, i.quantity, i.lineTotalMinor])).toEqual(
          [
            ["Mao, Stalin and the Korean War", 2599, 1, 2599],
            ["Animales Wordbooks", 999, 1, 999],
          ],
        );
        expect(order.status).toBe("pending");
        expect(order.number).toMatch(/^QB-\d{8}-[A-Z2-9]{6}$/);
        const row = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
        expect(row.accessTokenHash).not.toContain(token);
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

        // The price moving again after checkout changes nothing already ordered.
        await db.prisma.edition.update({ where: { id: ebookId }, data: { priceMinor: 1 } });
        expect((await findOrderByToken(db.prisma, token))?.totalMinor).toBe(4385);
        const result = await deliver(signed(order));
        expect(result.outcome).toBe("paid");
        const paid = await findOrderByToken(db.prisma, token);
        expect(paid).toMatchObject({ status: "paid", totalMinor: 4385, email: "reader@example.com" });
        expect(await readCart(db.prisma, cartId, PRICING.zones)).toMatchObject({ lines: [] });
      } finally {
        await db.prisma.edition.update({ where: { id: ebookId }, data: { priceMinor: 3999 } });
      }
    });

    it("pays once, queues one receipt, and ignores the replay", async () => {
      const { order } = await pendingOrder();
      const delivery = signed(order);
      expect(await deliver(delivery)).toMatchObject({ outcome: "paid", replay: false });
      expect(await state(order.id)).toEqual({ status: "paid", events: 1, receipts: 1 });
      const receipt = await db.prisma.emailOutbox.findFirstOrThrow({ where: { orderId: order.id } });
      expect(receipt).toMatchObject({ to: "reader@example.com", sentAt: null });
      expect(receipt.text).toContain("$49.98");

      expect(await deliver(delivery)).toMatchObject({ outcome: "paid", replay: true });
      expect(await state(order.id)).toEqual({ status: "paid", events: 1, receipts: 1 });

      // The same payment reported again under a new event id: recorded, nothing changes.
      expect(await deliver(signed(order))).toMatchObject({ outcome: "ignored: already paid", replay: false });
      expect(await state(order.id)).toEqual({ status: "paid", events: 2, receipts: 1 });
    });

    it("refuses a forged signature and stores nothing", async () => {
      const { order } = await pendingOrder();
      const good = signed(order);
      const forged = [
        { payload: good.payload, header: signPayload(good.payload, "whsec_attacker") },
        {
          payload: good.payload.replace(`"amount_total":${order.totalMinor}`, '"amount_total":1'),
          header: good.header,
        },
        { payload: good.payload, header: "" },
      ];
      for (const attempt of forged) {
        await expect(
          handleStripeWebhook(db.prisma, attempt.payload, attempt.header || null, SECRET, LINKS),
        ).rejects.toMatchObject({ name: "AppError", code: "invalid_signature" });
      }
      expect(await state(order.id)).toEqual({ status: "pending", events: 0, receipts: 0 });
      expect(await db.prisma.processedWebhookEvent.count({ where: { id: good.event.id } })).toBe(0);
    });

    it("keeps a paid order paid when the expiry arrives late", async () => {
      const { order } = await pendingOrder();
      await deliver(signed(order));
      expect(await deliver(signed(order, "checkout.session.expired"))).toMatchObject({
        outcome: "ignored: not pending",
      });
      expect(await state(order.id)).toMatchObject({ status: "paid", receipts: 1 });
    });

    it("expires a pending order, and a later payment event does not revive it", async () => {
      const { order } = await pendingOrder();
      expect((await deliver(signed(order, "checkout.session.expired"))).outcome).toBe("expired");
      expect((await deliver(signed(order))).outcome).toBe("ignored: not pending");
      expect(await state(order.id)).toEqual({ status: "expired", events: 2, receipts: 0 });
    });

    it("marks a paid order refunded on a full refund only", async () => {
      const { order } = await pendingOrder();
      await deliver(signed(order));
      const refund = (refunded: boolean) => {
        const payload = JSON.stringify({
          id: `evt_refund_${refunded}_${order.id.slice(0, 8)}`,
          object: "event",
          type: "charge.refunded",
          data: {
            object: { id: "ch_1", object: "charge", payment_intent: `pi_${order.id.slice(0, 8)}`, refunded },
          },
        });
        return { payload, header: signPayload(payload, SECRET) };
      };
      expect((await deliver(refund(false))).outcome).toBe("ignored: partial refund");
      expect((await deliver(refund(true))).outcome).toBe("refunded");
      expect((await findOrderByToken(db.prisma, "x".repeat(43)))?.status).toBeUndefined();
      expect(await state(order.id)).toMatchObject({ status: "refunded", events: 3 });

      // Staff see the refund the webhook recorded, with every event in the order it arrived.
      const detail = await findOrderForAdmin(db.prisma, order.id);
      expect(detail).toMatchObject({
        status: "refunded",
        email: "reader@example.com",
        shippingAddress: { line1: "1 Main St", city: "Town" },
        providerPaymentId: `pi_${order.id.slice(0, 8)}`,
      });
      expect(detail?.refundedAt).not.toBeNull();
      expect(detail?.items.map((item) => item.editionId).sort()).toEqual([ebookId, paperbackId].sort());
      expect(detail?.events.map((event) => [event.type, event.outcome])).toEqual([
        ["checkout.session.completed", "paid"],
        ["charge.refunded", "ignored: partial refund"],
        ["charge.refunded", "refunded"],
      ]);
      expect(detail?.emails).toHaveLength(1);
      const today = new Date().toISOString().slice(0, 10);
      const refunded = await listOrdersForAdmin(db.prisma, {
        view: "orders",
        status: "refunded",
        from: today,
        to: today,
        page: 1,
      });
      expect(refunded.rows.map((row) => row.id)).toContain(order.id);
      expect(refunded.rows.every((row) => row.status === "refunded")).toBe(true);
      const byEmail = await listOrdersForAdmin(db.prisma, { view: "orders", q: "READER@example", page: 1 });
      expect(byEmail.rows.map((row) => row.id)).toContain(order.id);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect((await listOrdersForAdmin(db.prisma, { view: "orders", to: yesterday, page: 1 })).total).toBe(0);
      expect(await findOrderForAdmin(db.prisma, "not-a-uuid")).toBeNull();
    });

    it("ignores a payment whose amount is not the order's, and unknown event types", async () => {
      const { order } = await pendingOrder();
      expect((await deliver(signed(order, "checkout.session.completed", 1))).outcome).toBe(
        "ignored: amount mismatch",
      );
      expect(await state(order.id)).toMatchObject({ status: "pending", receipts: 0 });
      const payload = JSON.stringify({
        id: "evt_unknown_type",
        object: "event",
        type: "customer.created",
        data: { object: {} },
      });
      expect(await deliver({ payload, header: signPayload(payload, SECRET) })).toMatchObject({
        outcome: "ignored: unhandled event type",
        replay: false,
      });
      expect(
        await db.prisma.processedWebhookEvent.findUnique({ where: { id: "evt_unknown_type" } }),
      ).toMatchObject({
        outcome: "ignored: unhandled event type",
      });
    });

    it.runIf(engine === "postgres")(
      "50 concurrent deliveries of one event: one paid transition, one event row, one receipt",
      async () => {
        const { order } = await pendingOrder();
        const delivery = signed(order);
        const results = await Promise.all(Array.from({ length: 50 }, () => deliver(delivery)));
        expect(results.filter((r) => !r.replay)).toHaveLength(1);
        expect(results.every((r) => r.outcome === "paid")).toBe(true);
        expect(await state(order.id)).toEqual({ status: "paid", events: 1, receipts: 1 });
      },
    );

    it.runIf(engine === "postgres")(
      "50 concurrent deliveries of different events for one order: still one payment and one receipt",
      async () => {
        const { order } = await pendingOrder();
        const results = await Promise.all(Array.from({ length: 50 }, () => deliver(signed(order))));
        expect(results.filter((r) => r.outcome === "paid")).toHaveLength(1);
        expect(await state(order.id)).toEqual({ status: "paid", events: 50, receipts: 1 });
      },
    );
  });
});
