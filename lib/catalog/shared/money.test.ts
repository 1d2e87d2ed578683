import { describe, expect, it } from "vitest";
import { currencyFractionDigits, formatMoney, parseMoney, toDecimalString } from "./money";

describe("money", () => {
  it("formats minor units in the currency's own precision", () => {
    expect(formatMoney(3999, "USD")).toBe("$39.99");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
    expect(formatMoney(999, "EUR", "de-DE")).toBe("9,99\u00a0€");
  });

  it("refuses fractional minor units instead of rounding silently", () => {
    expect(() => formatMoney(39.5, "USD")).toThrow(RangeError);
  });

  it("knows each currency's minor unit", () => {
    expect(currencyFractionDigits("USD")).toBe(2);
    expect(currencyFractionDigits("JPY")).toBe(0);
    expect(currencyFractionDigits("KWD")).toBe(3);
  });

  it("gives schema.org decimal strings without float error", () => {
    expect(toDecimalString(3999, "USD")).toBe("39.99");
    expect(toDecimalString(5, "USD")).toBe("0.05");
    expect(toDecimalString(1500, "JPY")).toBe("1500");
    expect(toDecimalString(-250, "USD")).toBe("-2.50");
  });

  it("parses typed prices to minor units", () => {
    expect(parseMoney("39.99", "USD")).toBe(3999);
    expect(parseMoney("$1,299.5", "USD")).toBe(129950);
    expect(parseMoney("12", "USD")).toBe(1200);
    expect(parseMoney("12.999", "USD")).toBeNull();
    expect(parseMoney("abc", "USD")).toBeNull();
    expect(parseMoney("1500", "JPY")).toBe(1500);
    expect(parseMoney("15.5", "JPY")).toBeNull();
  });

  it("takes a comma as a thousands separator only, never as a decimal one", () => {
    expect(parseMoney("1,299,000", "USD")).toBe(129900000);
    expect(parseMoney("19,90", "EUR")).toBeNull();
    expect(parseMoney("1,29.5", "USD")).toBeNull();
  });
});
