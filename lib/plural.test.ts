import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("chooses the form by the count and writes the count as the pages do", () => {
    const books = { one: "# book", other: "# books" };
    expect([0, 1, 2, 1000].map((n) => plural(n, books))).toEqual([
      "0 books",
      "1 book",
      "2 books",
      "1,000 books",
    ]);
    expect(plural(1, { one: "# star & up", other: "# stars & up" })).toBe("1 star & up");
    expect(plural(1, { one: "this book", other: "these # books" })).toBe("this book");
    expect(plural(4, { one: "this book", other: "these # books" })).toBe("these 4 books");
  });
});
