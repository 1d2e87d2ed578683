import { describe, expect, it } from "vitest";
import { parseCheckoutForm } from "./checkout-form";

const address = {
  name: "Ada L",
  line1: "1 Main St",
  line2: "",
  city: "Portland",
  region: "Oregon",
  postalCode: "97205",
};

describe("checkout form", () => {
  it("needs only an email for ebooks", async () => {
    expect(await parseCheckoutForm({ email: " ada@example.com " }, false, "US")).toEqual({
      ok: true,
      email: "ada@example.com",
      shipping: null,
    });
  });

  it("needs a shipping address for print, with the state as its code", async () => {
    const result = await parseCheckoutForm({ email: "ada@example.com", ...address }, true, "US");
    expect(result).toEqual({
      ok: true,
      email: "ada@example.com",
      shipping: { ...address, line2: null, region: "OR", country: "US" },
    });
  });

  it("names each missing or invalid field in the country's own words", async () => {
    const result = await parseCheckoutForm(
      { email: "not-an-email", name: "", line1: "", city: "", region: "", postalCode: "" },
      true,
      "US",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      email: "Enter an email address like name@example.com.",
      name: "Enter the recipient's name.",
      line1: "Enter the street address.",
      city: "Enter the city.",
      region: "Choose the state.",
      postalCode: "Enter the ZIP code.",
    });
  });

  it("refuses a state that is not one and a ZIP code of the wrong shape", async () => {
    const result = await parseCheckoutForm(
      { email: "ada@example.com", ...address, region: "Atlantis", postalCode: "1234" },
      true,
      "US",
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        region: "Choose the state from the list.",
        postalCode: "That is not a valid ZIP code (e.g. 95014).",
      },
    });
  });

  it("asks no state in Germany and normalises a Canadian postal code", async () => {
    const de = await parseCheckoutForm(
      { email: "a@example.com", ...address, region: "", city: "Berlin", postalCode: "10115" },
      true,
      "DE",
    );
    expect(de.ok && de.shipping).toMatchObject({ region: null, postalCode: "10115", country: "DE" });
    const ca = await parseCheckoutForm(
      { email: "a@example.com", ...address, city: "Montreal", region: "QC", postalCode: "h3z2y7" },
      true,
      "CA",
    );
    expect(ca.ok && ca.shipping).toMatchObject({ region: "QC", postalCode: "H3Z2Y7" });
  });

  it("refuses a country the store does not know", async () => {
    const result = await parseCheckoutForm({ email: "a@example.com", ...address }, true, "ZZ");
    expect(result).toEqual({ ok: false, errors: { country: "We do not ship to that country." } });
  });
});
