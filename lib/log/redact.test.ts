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

  it("leaves other paths alone", () => {
    expect(redactPath("/books/a?b=c")).toBe("/books/a?b=c");
    expect(redactPath("/cart?notice=added")).toBe("/cart?notice=added");
    expect(redactPath(undefined)).toBeUndefined();
  });
});
