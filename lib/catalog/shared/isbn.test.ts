import { describe, expect, it } from "vitest";
import { hyphenateIsbn13, normalizeIsbn13 } from "./isbn";

describe("normalizeIsbn13", () => {
  it("accepts an ISBN-13 with or without hyphens and spaces", () => {
    expect(normalizeIsbn13("978-0-306-40615-7")).toBe("9780306406157");
    expect(normalizeIsbn13("9780306406157")).toBe("9780306406157");
    expect(normalizeIsbn13(" 978 0 306 40615 7 ")).toBe("9780306406157");
  });

  it("converts an ISBN-10 (including an X check digit) to ISBN-13", () => {
    expect(normalizeIsbn13("0-306-40615-2")).toBe("9780306406157");
    expect(normalizeIsbn13("080442957X")).toBe("9780804429573");
  });

  it("rejects a wrong check digit, wrong length and letters", () => {
    expect(normalizeIsbn13("978-0-306-40615-8")).toBeNull();
    expect(normalizeIsbn13("97803064061")).toBeNull();
    expect(normalizeIsbn13("978030640615a")).toBeNull();
    expect(normalizeIsbn13("")).toBeNull();
  });

  it("hyphenates for display", () => {
    expect(hyphenateIsbn13("9780306406157")).toBe("978-0-306-40615-7");
  });
});
