import { describe, expect, it } from "vitest";
import { isStubCheckoutEnabled } from "./pages";

describe("the stub checkout", () => {
  it("exists only in demo mode without a Stripe key", () => {
    expect(isStubCheckoutEnabled({ STORE_MODE: "demo", paymentProvider: "stub" })).toBe(true);
    expect(isStubCheckoutEnabled({ STORE_MODE: "demo", paymentProvider: "stripe" })).toBe(false);
    expect(isStubCheckoutEnabled({ STORE_MODE: "live", paymentProvider: "stub" })).toBe(false);
    expect(isStubCheckoutEnabled({ STORE_MODE: "live", paymentProvider: "stripe" })).toBe(false);
  });
});
