import { describe, expect, it } from "vitest";
import { bookChangeTags, CACHE_TAGS } from "./cache-tags";

describe("bookChangeTags", () => {
  it("names the book under its old and new slugs, every list, and taxonomy only when it changed", () => {
    expect(bookChangeTags({ slugs: ["old-slug", "new-slug"] })).toEqual([
      CACHE_TAGS.book("old-slug"),
      CACHE_TAGS.book("new-slug"),
      CACHE_TAGS.bookLists,
    ]);
    expect(bookChangeTags({ slugs: [null, "same", "same"], taxonomy: true })).toEqual([
      "book:same",
      "books",
      "taxonomy",
    ]);
  });
});
