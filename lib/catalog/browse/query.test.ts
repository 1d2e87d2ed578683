import { describe, expect, it } from "vitest";
import {
  browseHref,
  browseSearchParams,
  countText,
  estimateListSize,
  LIST_SAMPLE,
  listKey,
  MAX_PAGE_SIZE,
  parseBrowseParams,
  parseListKey,
} from "./query";

describe("parseBrowseParams", () => {
  it("reads every filter, the sort and the page", () => {
    const { query, problems } = parseBrowseParams({
      category: "wordbooks",
      language: "es",
      format: "paperback",
      feature: ["text-to-speech", "screen-reader"],
      min_price: "5",
      max_price: "12.50",
      min_rating: "4",
      sort: "title",
      page: "2",
      page_size: "12",
    });
    expect(problems).toEqual([]);
    expect(query).toEqual({
      category: "wordbooks",
      language: "es",
      format: "paperback",
      features: ["screen-reader", "text-to-speech"],
      minPriceMinor: 500,
      maxPriceMinor: 1250,
      minRating: 4,
      sort: "title",
      page: 2,
      pageSize: 12,
    });
  });

  it("defaults to the newest books, 24 a page", () => {
    expect(parseBrowseParams({}).query).toEqual({ features: [], sort: "newest", page: 1, pageSize: 24 });
  });

  it("drops bad values and names each one, never throwing", () => {
    const { query, problems } = parseBrowseParams({
      category: "../etc/passwd",
      language: "spanish",
      format: "scroll",
      feature: "telepathy",
      min_price: "cheap",
      min_rating: "9",
      sort: "random",
      page: "-1",
      page_size: String(MAX_PAGE_SIZE + 1),
    });
    expect(query).toEqual({ features: [], sort: "newest", page: 1, pageSize: 24 });
    expect(problems.map((p) => p.param).sort()).toEqual(
      [
        "category",
        "feature",
        "format",
        "language",
        "min_price",
        "min_rating",
        "page",
        "page_size",
        "sort",
      ].sort(),
    );
  });

  it("refuses a repeated single-value parameter, an inverted price range and huge numbers", () => {
    const { query, problems } = parseBrowseParams({
      sort: ["title", "price-asc"],
      min_price: "20",
      max_price: "10",
      page: "99999999999",
    });
    expect(query.sort).toBe("title");
    expect(query.maxPriceMinor).toBeUndefined();
    expect(problems.map((p) => p.param).sort()).toEqual(["max_price", "page", "sort"]);
  });

  it("reports unknown parameters only when asked (the API is strict, pages are lenient)", () => {
    expect(parseBrowseParams({ utm_source: "x" }).problems).toEqual([]);
    expect(parseBrowseParams({ utm_source: "x" }, { allowUnknown: false }).problems).toEqual([
      { param: "utm_source", message: 'Unknown parameter "utm_source".' },
    ]);
  });
});

describe("browse URLs", () => {
  const { query } = parseBrowseParams({ language: "es", sort: "title", page: "3" });

  it("writes parameters in one canonical order, defaults left out", () => {
    const { query: q } = parseBrowseParams({
      sort: "title",
      feature: ["word-wise", "screen-reader"],
      language: "es",
      max_price: "10",
    });
    expect(browseSearchParams(q).toString()).toBe(
      "language=es&feature=screen-reader&feature=word-wise&max_price=10.00&sort=title",
    );
    expect(
      browseSearchParams(parseBrowseParams({ sort: "newest", page: "1", page_size: "24" }).query).toString(),
    ).toBe("");
  });

  it("goes back to page 1 when a filter changes, keeps the page when only paging", () => {
    expect(browseHref("/books", query, { format: "ebook" })).toBe(
      "/books?language=es&format=ebook&sort=title",
    );
    expect(browseHref("/books", query, { page: 4 })).toBe("/books?language=es&sort=title&page=4");
    expect(browseHref("/books", query, { language: undefined, sort: "title" })).toBe("/books?sort=title");
  });
});

describe("estimateListSize", () => {
  const hashAt = (fraction: number) => Math.round(fraction * 2 ** 32 - 2 ** 31);

  it("counts exactly when the sample holds the whole list", () => {
    expect(estimateListSize(LIST_SAMPLE, hashAt(0.99))).toEqual({ size: LIST_SAMPLE, estimated: false });
    expect(estimateListSize(40, hashAt(0.99), 12)).toEqual({ size: 12, estimated: false });
  });

  it("estimates a longer list from how far through the hashes its sample reaches", () => {
    // 1,001 books reaching a tenth of the way through the hashes: about 10,000 books.
    expect(estimateListSize(LIST_SAMPLE + 1, hashAt(0.1))).toEqual({ size: 10_000, estimated: true });
    // The list is the matching share of the sampled set.
    expect(estimateListSize(LIST_SAMPLE + 1, hashAt(0.1), 251)).toEqual({ size: 2_507, estimated: true });
  });

  it("never estimates fewer books than the sample saw", () => {
    expect(estimateListSize(LIST_SAMPLE + 1, hashAt(1)).size).toBeGreaterThanOrEqual(LIST_SAMPLE + 1);
  });
});

describe("countText", () => {
  it("shows exact counts in full and estimates to two significant digits", () => {
    expect(countText(97_727)).toBe("97,727");
    expect(countText(97_727, true)).toBe("98,000");
    expect(countText(1_249, true)).toBe("1,200");
    expect(countText(57, true)).toBe("57");
  });
});

describe("list keys (one cached page per list)", () => {
  const text = (key: string) => Buffer.from(key, "base64url").toString("utf8");

  it("gives every spelling of the same list one key, and the plain list the key all", () => {
    const key = listKey({ sort: "title", language: " es ", page: "1", utm_source: "mail" });
    expect(text(key)).toBe("language=es&sort=title");
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(listKey({ language: "es", sort: "title" })).toBe(key);
    expect(listKey({})).toBe("all");
    expect(listKey({ sort: "newest", page_size: "24", ref: "x" })).toBe("all");
  });

  it("keeps the names of ignored parameters, so the page can say so", () => {
    const key = listKey({ sort: "random", format: "scroll", language: "es" });
    expect(text(key)).toBe("language=es&ignored=format%2Csort");
    expect(parseListKey(key)).toEqual({
      query: parseBrowseParams({ language: "es" }).query,
      ignoredParams: ["format", "sort"],
    });
  });

  it("reads back the query it was made from, and anything else as the plain list", () => {
    const raw = { feature: ["word-wise", "screen-reader"], min_price: "5", min_rating: "4", page: "2" };
    expect(parseListKey(listKey(raw)).query).toEqual(parseBrowseParams(raw).query);
    const plain = { query: parseBrowseParams({}).query, ignoredParams: [] };
    expect(parseListKey("all")).toEqual(plain);
    expect(parseListKey("language=es")).toEqual(plain);
  });
});
