// The outbox worker against a real SMTP server in this process (smtp-server), with what it
// receives parsed by mailparser: one receipt per paid order under 50 concurrent webhook
// deliveries and two workers, a server that refuses and then accepts, one that stays down.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { addToCart } from "@/lib/checkout/cart/store";
import { buildCheckoutSessionEvent, signPayload } from "@/lib/checkout/webhook/events";
import {
  attachProviderSession,
  createPendingOrder,
  findOrderByToken,
  recordCheckoutDetails,
} from "@/lib/checkout/orders/store";
import { markShipped } from "@/lib/checkout/orders/fulfilment";
import { DEFAULT_SHIPPING_ZONES } from "@/lib/checkout/cart/shipping";
import { handleStripeWebhook } from "@/lib/checkout/webhook/handle";
import { startDownload } from "@/lib/ebooks/downloads";
import { checkDownloadLink } from "@/lib/ebooks/links";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { backoffMs, deliverDue, MAX_ATTEMPTS, requeueEmail } from "./outbox";
import { mailboxTransport, smtpTransport } from "./transports";

const WEBHOOK_SECRET = "whsec_mail_integration_secret";
const SESSION_SECRET = "mail-integration-session-secret-0123456789";
const SITE = "http://store.test";
const FROM = "Quire Books <orders@store.test>";

interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

/** An SMTP server on a free port that keeps what it accepts; `refuse` answers 451 to the next n messages. */
async function startSmtp() {
  const received: Received[] = [];
  const control = { refuse: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (control.refuse > 0) {
          control.refuse -= 1;
          const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    control,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testEngines())("the outbox worker on %s", (engine) => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ebookId: number;
  let paperbackId: number;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.prisma.$transaction(async (tx) => seedCatalog(tx, await readSeedCatalog()), { timeout: 60_000 });
    const edition = (slug: string) =>
      db.prisma.edition.findFirstOrThrow({ where: { book: { slug } }, select: { id: true } });
    ebookId = (await edition("mao-stalin-and-the-korean-war")).id;
    paperbackId = (await edition("animales-wordbooks")).id;
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.destroy();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.control.refuse = 0;
    // Each test sees only its own emails.
    await db.prisma.emailOutbox.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
  });

  /** A pending order for the featured ebook and a paperback to a US address, and its signed payment. */
  async function paidOrderDelivery(email: string) {
    const { cartId } = await addToCart(db.prisma, null, { editionId: String(ebookId) });
    await addToCart(db.prisma, cartId, { editionId: String(paperbackId) });
    const { order, accessToken } = await createPendingOrder(db.prisma, cartId, "stub", {
      zones: DEFAULT_SHIPPING_ZONES,
      secret: SESSION_SECRET,
    });
    const shipping = {
      name: "Rosa Reader",
      line1: "12 Library Lane",
      line2: null,
      city: "Portland",
      region: "OR",
      postalCode: "97205",
      country: "US",
    };
    await recordCheckoutDetails(db.prisma, order.id, { email, shipping });
    const sessionId = `cs_mail_${order.id.slice(0, 8)}`;
    await attachProviderSession(db.prisma, order.id, sessionId);
    const payload = JSON.stringify(
      buildCheckoutSessionEvent({
        type: "checkout.session.completed",
        sessionId,
        orderId: order.id,
        amountTotal: order.totalMinor,
        currency: order.currency,
        email,
        shipping,
        paymentIntentId: `pi_${order.id.slice(0, 8)}`,
      }),
    );
    const deliver = () =>
      handleStripeWebhook(db.prisma, payload, signPayload(payload, WEBHOOK_SECRET), WEBHOOK_SECRET, {
        siteUrl: SITE,
        secret: SESSION_SECRET,
      });
    return { order, accessToken, deliver };
  }

  it.runIf(engine === "postgres")(
    "sends one receipt for 50 concurrent deliveries of the payment, with two workers at once",
    async () => {
      const { order, accessToken, deliver } = await paidOrderDelivery("fifty@example.com");
      const results = await Promise.all(Array.from({ length: 50 }, () => deliver()));
      expect(results.filter((r) => !r.replay)).toHaveLength(1);

      // Two instances' workers polling at the same moment, then again: the row is claimed once.
      const transport = smtpTransport(smtp.url, FROM);
      const passes = await Promise.all([
        deliverDue(db.prisma, transport, { host: "store.test" }),
        deliverDue(db.prisma, transport, { host: "store.test" }),
      ]);
      expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(1);
      expect((await deliverDue(db.prisma, transport, { host: "store.test" })).sent).toBe(0);

      const mine = smtp.received.filter((r) => r.envelopeTo.includes("fifty@example.com"));
      expect(mine).toHaveLength(1);
      const { mail } = mine[0]!;
      expect(mail.subject).toBe(`Your Quire Books order ${order.number}`);
      expect(mail.from?.text).toBe('"Quire Books" <orders@store.test>');
      expect(mail.messageId).toMatch(/^<outbox-\d+@store\.test>$/);
      // Both lines, the shipping and tax lines, the US address in its own format, and the links.
      expect(mail.text).toContain("1 × Mao, Stalin and the Korean War (Kindle Edition): $39.99");
      expect(mail.text).toContain("1 × Animales Wordbooks (Paperback): $9.99");
      expect(mail.text).toContain("Shipping (United States): $4.99");
      expect(mail.text).toContain("Tax (8%): $4.00");
      expect(mail.text).toContain("Total paid: $58.97");
      expect(mail.text).toContain("PORTLAND, OR 97205");
      expect(mail.html).toContain("Download Mao, Stalin and the Korean War");
      expect(mail.html).toContain("Shipping (United States)");

      // The links in it work: the order page's token and the signed download link.
      const orderLink = /Your order: (\S+)/.exec(mail.text ?? "")?.[1];
      expect(orderLink).toBe(`${SITE}/orders/${accessToken}`);
      expect((await findOrderByToken(db.prisma, accessToken))?.status).toBe("paid");
      const download = new URL(/Mao, Stalin and the Korean War: (\S+)/.exec(mail.text ?? "")![1]!);
      const grantId = download.pathname.split("/").pop()!;
      expect(
        checkDownloadLink(
          grantId,
          download.searchParams.get("expires"),
          download.searchParams.get("signature"),
          SESSION_SECRET,
        ),
      ).toBe("valid");
      const served = await startDownload(db.prisma, grantId, { ipHash: null, userAgent: null, demo: true });
      expect(served.ok && served.mediaType).toBe("application/epub+zip");
    },
  );

  it("retries when the server refuses, then delivers once", async () => {
    const { deliver } = await paidOrderDelivery("retry@example.com");
    await deliver();
    const transport = smtpTransport(smtp.url, FROM);
    let now = new Date();
    const clock = { host: "store.test", now: () => now };

    smtp.control.refuse = 1;
    expect(await deliverDue(db.prisma, transport, clock)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const row = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: "retry@example.com" } });
    expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: null });
    expect(row.error).toContain("451");
    // Not before its backoff has passed.
    expect(await deliverDue(db.prisma, transport, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    now = new Date(now.getTime() + backoffMs(1) + 1000);
    expect(await deliverDue(db.prisma, transport, clock)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    now = new Date(now.getTime() + 24 * 3600_000);
    expect(await deliverDue(db.prisma, transport, clock)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received.filter((r) => r.envelopeTo.includes("retry@example.com"))).toHaveLength(1);
    expect(await db.prisma.emailOutbox.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({
      attempts: 2,
      transport: "smtp",
      failedAt: null,
    });
  });

  it("keeps trying a server that is down, marks the email failed after the limit, and sends it when queued again", async () => {
    const { deliver } = await paidOrderDelivery("down@example.com");
    await deliver();
    const down = smtpTransport("smtp://127.0.0.1:9", FROM);
    let now = new Date();
    const clock = { host: "store.test", now: () => now };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverDue(db.prisma, down, clock);
      expect(report).toEqual(
        attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 },
      );
      now = new Date(now.getTime() + backoffMs(attempt) + 1000);
    }
    const row = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: "down@example.com" } });
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
    expect(row.failedAt).not.toBeNull();
    expect(row.error).toContain("ECONNREFUSED");
    // Failed is not lost: staff queue it again and the next pass sends it.
    expect(await requeueEmail(db.prisma, row.id, now)).toBe(true);
    expect(await deliverDue(db.prisma, smtpTransport(smtp.url, FROM), clock)).toMatchObject({ sent: 1 });
    expect(smtp.received.filter((r) => r.envelopeTo.includes("down@example.com"))).toHaveLength(1);
  });

  it("emails the shopper once when staff mark the parcel shipped, and refuses bad input", async () => {
    const { order, deliver } = await paidOrderDelivery("shipped@example.com");
    const admin = await db.prisma.adminUser.upsert({
      where: { email: "ship-admin@example.com" },
      create: { email: "ship-admin@example.com", name: "Ship", passwordHash: "x", role: "admin" },
      update: {},
    });
    const context = { actorId: admin.id, ip: null, siteUrl: SITE, secret: SESSION_SECRET };
    // Not paid yet: nothing to ship.
    expect(
      await markShipped(db.prisma, order.id, { carrier: "USPS", trackingNumber: "1Z 999" }, context),
    ).toEqual({
      ok: false,
      errors: { form: "Only a paid order can be shipped." },
    });
    await deliver();
    expect(
      await markShipped(db.prisma, order.id, { carrier: " ", trackingNumber: "<script>" }, context),
    ).toEqual({
      ok: false,
      errors: {
        carrier: "Enter the carrier.",
        trackingNumber: "A tracking number has letters, digits, spaces and hyphens only.",
      },
    });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).shippedAt).toBeNull();
    expect(
      await markShipped(db.prisma, order.id, { carrier: "USPS", trackingNumber: "1Z 999" }, context),
    ).toEqual({ ok: true });
    expect(await markShipped(db.prisma, order.id, { carrier: "UPS", trackingNumber: "2" }, context)).toEqual({
      ok: false,
      errors: { form: "This order is already marked shipped." },
    });
    expect(await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      carrier: "USPS",
      trackingNumber: "1Z 999",
    });
    await deliverDue(db.prisma, smtpTransport(smtp.url, FROM), { host: "store.test" });
    const mails = smtp.received
      .filter((r) => r.envelopeTo.includes("shipped@example.com"))
      .map((r) => r.mail);
    // Parsing finishes in any order: the receipt is the larger message.
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `Your Quire Books order ${order.number}`,
      `Your Quire Books order ${order.number} has shipped`,
    ]);
    const notice = mails.find((m) => m.subject?.endsWith("has shipped"))!;
    expect(notice.text).toContain("Carrier: USPS\nTracking number: 1Z 999");
  });

  it("delivers to the demo mailbox when there is no SMTP server", async () => {
    const { deliver } = await paidOrderDelivery("mailbox@example.com");
    await deliver();
    expect(await deliverDue(db.prisma, mailboxTransport, { host: "store.test" })).toMatchObject({ sent: 1 });
    const row = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: "mailbox@example.com" } });
    expect(row).toMatchObject({ transport: "mailbox", attempts: 1 });
    expect(row.sentAt).not.toBeNull();
    expect(row.html).toContain("<!doctype html>");
    expect(smtp.received).toHaveLength(0);
  });
});
