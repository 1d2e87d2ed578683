import { describe, expect, it } from "vitest";
import { wrapWords } from "./book-cover";

describe("wrapWords", () => {
  it("wraps greedily within the width", () => {
    expect(wrapWords("Mao, Stalin and the Korean War", 12, 5)).toEqual([
      "Mao, Stalin",
      "and the",
      "Korean War",
    ]);
  });

  it("keeps a word longer than the line on a line of its own", () => {
    expect(wrapWords("Wordbookslibros De Palabras", 8, 5)).toEqual(["Wordbookslibros", "De", "Palabras"]);
  });

  it("ends a truncated title with an ellipsis", () => {
    const lines = wrapWords("one two three four five six seven eight", 9, 2);
    expect(lines).toEqual(["one two", "three…"]);
  });
});
