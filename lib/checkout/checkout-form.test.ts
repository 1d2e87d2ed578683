import { describe, expect, it } from "vitest";
import { parseCheckoutForm } from "./checkout-form";

const address = {
  name: "Ada L",
  line1: "1 Main St",
  line2: "",
  city: "Springfield",
  postalCode: "12345",
  country: "us",
};

describe("checkout form", () => {
  it("needs only an email for ebooks", () => {
    expect(parseCheckoutForm({ email: " ada@example.com " }, false)).toEqual({
      ok: true,
      email: "ada@example.com",
      shipping: null,
    });
  });

  it("needs a shipping address for print", () => {
    const result = parseCheckoutForm({ email: "ada@example.com", ...address }, true);
    expect(result).toEqual({
      ok: true,
      email: "ada@example.com",
      shipping: { ...address, line2: null, country: "US" },
    });
  });

  it("names each missing or invalid field", () => {
    const result = parseCheckoutForm(
      { email: "not-an-email", name: "", line1: "", city: "", postalCode: "", country: "" },
      true,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      "city",
      "country",
      "email",
      "line1",
      "name",
      "postalCode",
    ]);
    expect(result.errors.email).toMatch(/email address/);
  });
});
