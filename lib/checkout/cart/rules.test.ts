import { describe, expect, it } from "vitest";
import { CartError, MAX_PRINT_QUANTITY, parseCartLine, parseRemoveLine, quantityProblem } from "./rules";

describe("quantity rules", () => {
  it("caps ebooks and audiobooks at one copy", () => {
    expect(quantityProblem("ebook", 1)).toBeNull();
    expect(quantityProblem("ebook", 2)).toBe("quantity-digital");
    expect(quantityProblem("audiobook", 3)).toBe("quantity-digital");
  });

  it("caps print formats at the maximum", () => {
    expect(quantityProblem("paperback", MAX_PRINT_QUANTITY)).toBeNull();
    expect(quantityProblem("hardcover", MAX_PRINT_QUANTITY + 1)).toBe("quantity-max");
  });

  it("refuses zero, negative and fractional quantities", () => {
    expect(quantityProblem("paperback", 0)).toBe("quantity-invalid");
    expect(quantityProblem("paperback", -1)).toBe("quantity-invalid");
    expect(quantityProblem("paperback", 1.5)).toBe("quantity-invalid");
  });
});

describe("cart form input", () => {
  it("reads an edition id and a quantity, defaulting the quantity to 1", () => {
    expect(parseCartLine({ editionId: "12", quantity: "3" })).toEqual({ editionId: 12, quantity: 3 });
    expect(parseCartLine({ editionId: " 7 ", quantity: undefined })).toEqual({ editionId: 7, quantity: 1 });
    expect(parseCartLine({ editionId: "7", quantity: "" })).toEqual({ editionId: 7, quantity: 1 });
  });

  it.each([["-1"], ["1.5"], ["abc"], ["1e3"], ["99999999999"], ["0x10"]])(
    "refuses the quantity %s",
    (quantity) => {
      expect(() => parseCartLine({ editionId: "1", quantity })).toThrow(CartError);
      try {
        parseCartLine({ editionId: "1", quantity });
      } catch (error) {
        expect((error as CartError).notice).toBe("quantity-invalid");
      }
    },
  );

  it.each([[undefined], [""], ["abc"], ["-4"], ["0"], ["12345678901"]])(
    "refuses the edition id %s",
    (editionId) => {
      expect(() => parseCartLine({ editionId, quantity: "1" })).toThrow(
        expect.objectContaining({ notice: "unavailable" }),
      );
      expect(() => parseRemoveLine({ editionId })).toThrow(CartError);
    },
  );

  it("ignores price fields a browser might add", () => {
    const parsed = parseCartLine({ editionId: "3", quantity: "2", priceMinor: "1" });
    expect(parsed).toEqual({ editionId: 3, quantity: 2 });
  });
});
