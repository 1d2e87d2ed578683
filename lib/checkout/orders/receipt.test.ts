import { describe, expect, it } from "vitest";
import { receiptEmail, shippedEmail } from "./receipt";

const order = {
  number: "QB-20261201-ABCDEF",
  email: "reader@example.com",
  currency: "USD",
  subtotalMinor: 4998,
  shippingMinor: 499,
  taxMinor: 400,
  taxRateBasisPoints: 800,
  shippingZone: "United States",
  totalMinor: 5897,
  items: [
    {
      bookTitle: "Mao, Stalin <and> the Korean War",
      formatLabel: "Kindle Edition",
      format: "ebook" as const,
      quantity: 1,
      lineTotalMinor: 3999,
    },
    {
      bookTitle: "Animales Wordbooks",
      formatLabel: null,
      format: "paperback" as const,
      quantity: 1,
      lineTotalMinor: 999,
    },
  ],
};

describe("order emails", () => {
  it("gives the receipt in text and HTML with lines, totals, address and links, escaped", () => {
    const email = receiptEmail(order, {
      orderUrl: "https://books.example/orders/tok",
      downloads: [
        {
          bookTitle: "Mao, Stalin <and> the Korean War",
          url: "https://books.example/downloads/g?expires=1&signature=s",
        },
      ],
      addressLines: ["Rosa Reader", "12 Library Lane", "PORTLAND, OR 97205", "UNITED STATES"],
    })!;
    expect(email.subject).toBe("Your Quire Books order QB-20261201-ABCDEF");
    expect(email.text).toContain("1 × Animales Wordbooks (Paperback): $9.99");
    expect(email.text).toContain("Shipping (United States): $4.99\nTax (8%): $4.00\nTotal paid: $58.97");
    expect(email.text).toContain("PORTLAND, OR 97205");
    expect(email.text).toContain("Your order: https://books.example/orders/tok");
    expect(email.html).toContain("Mao, Stalin &lt;and&gt; the Korean War");
    expect(email.html).not.toContain("<and>");
    expect(email.html).toContain('href="https://books.example/downloads/g?expires=1&amp;signature=s"');
    expect(email.html).toContain("max-width:600px");
    expect(
      receiptEmail({ ...order, email: null }, { orderUrl: null, downloads: [], addressLines: null }),
    ).toBeNull();
  });

  it("tells the shopper the parcel shipped with its carrier and tracking number", () => {
    const email = shippedEmail(
      {
        ...order,
        carrier: "USPS",
        trackingNumber: "9400 1000 0000",
        items: order.items.map((i) => ({ ...i, shipped: i.format !== "ebook" })),
      },
      { orderUrl: "https://books.example/orders/tok", addressLines: null },
    )!;
    expect(email.subject).toBe("Your Quire Books order QB-20261201-ABCDEF has shipped");
    expect(email.text).toContain("1 × Animales Wordbooks (Paperback)");
    expect(email.text).not.toContain("Korean War");
    expect(email.text).toContain("Carrier: USPS\nTracking number: 9400 1000 0000");
  });
});
