import { describe, expect, it } from "vitest";
import { parseBrowseParams } from "@/lib/catalog/browse/query";
import { listCanonicalPath } from "./canonical";

const canonical = (base: string, raw: Record<string, string | string[]>) =>
  listCanonicalPath(base, parseBrowseParams(raw).query);

describe("list canonicals", () => {
  it("points a list to itself, page 2 to page 2", () => {
    expect(canonical("/books", {})).toBe("/books");
    expect(canonical("/books", { page: "2" })).toBe("/books?page=2");
    expect(canonical("/books", { language: "es", page: "2" })).toBe("/books?language=es&page=2");
  });

  it("points re-sorted, re-sized and narrowly filtered variants to the base list", () => {
    expect(canonical("/books", { language: "es", sort: "title" })).toBe("/books?language=es");
    expect(canonical("/books", { sort: "price-asc", page: "3" })).toBe("/books");
    expect(canonical("/books", { page_size: "2", page: "2" })).toBe("/books");
    expect(canonical("/books", { feature: "text-to-speech", max_price: "20" })).toBe("/books");
    expect(canonical("/categories/wordbooks", { min_rating: "4", format: "paperback" })).toBe(
      "/categories/wordbooks?format=paperback",
    );
  });

  it("points /books?category= to the category page that lists the same books", () => {
    expect(canonical("/books", { category: "wordbooks" })).toBe("/categories/wordbooks");
    expect(canonical("/books", { category: "wordbooks", page: "2" })).toBe("/categories/wordbooks?page=2");
    expect(canonical("/books", { category: "wordbooks", language: "es" })).toBe(
      "/books?category=wordbooks&language=es",
    );
  });
});
