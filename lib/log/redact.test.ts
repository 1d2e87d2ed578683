import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redactPath } from "./redact.mjs";

describe("redactPath", () => {
  const token = "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c";

  it("hides order tokens and the stub checkout's query", () => {
    expect(redactPath(`/orders/${token}`)).toBe("/orders/[redacted]");
    expect(redactPath(`/orders/${token}?_rsc=1`)).toBe("/orders/[redacted]?_rsc=1");
    expect(redactPath(`/checkout/stub/cs_stub_1?token=${token}`)).toBe("/checkout/stub/cs_stub_1?[redacted]");
    expect(JSON.stringify(redactPath(`/orders/${token}`))).not.toContain(token);
  });

  it("hides a token wherever a non-canonical URL puts it", () => {
    const token = randomBytes(32).toString("base64url");
    for (const url of [
      `//orders/${token}`,
      `/orders//${token}`,
      `/./orders/${token}`,
      `/books/../orders/${token}`,
      `/orders/${token}/`,
      `/%6Frders/${token}`,
      `/orders%2F${token}`,
      `/orders/${[...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("")}`,
      `/checkout/stub/cs_stub_1/?token=${token}`,
      `/checkout/stub/cs_stub_1?a=1&token=${token}`,
      `/checkout//stub/cs_stub_1?TOKEN=${token}`,
      `/admin/sign-in?next=/orders/${token}`,
      `/anything/${token}?x=1`,
      `/search?q=${token}`,
    ]) {
      expect(redactPath(url), url).not.toContain(token);
      expect(redactPath(url), url).not.toContain(token.slice(0, 20));
    }
  });

  it("leaves other paths alone", () => {
    expect(redactPath("/books/a?b=c")).toBe("/books/a?b=c");
    expect(redactPath("/cart?notice=added")).toBe("/cart?notice=added");
    expect(redactPath("/books/a-delicious-journey-through-food-wordbooks-and-more")).toBe(
      "/books/a-delicious-journey-through-food-wordbooks-and-more",
    );
    expect(redactPath("/search?q=caf%C3%A9%20war")).toBe("/search?q=caf%C3%A9%20war");
    expect(redactPath(undefined)).toBeUndefined();
  });
});
