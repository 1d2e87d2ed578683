import { describe, expect, it } from "vitest";
import { changeTags, CACHE_TAGS } from "./cache-tags";

describe("changeTags", () => {
  it("names the book under its old and new slugs, every list, and taxonomy only when it changed", () => {
    expect(changeTags({ slugs: ["old-slug", "new-slug"] })).toEqual([
      CACHE_TAGS.book("old-slug"),
      CACHE_TAGS.book("new-slug"),
      CACHE_TAGS.bookLists,
    ]);
    expect(changeTags({ slugs: [null, "same", "same"], taxonomy: true })).toEqual([
      "book:same",
      "books",
      "taxonomy",
    ]);
  });
});
