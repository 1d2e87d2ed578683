import { describe, expect, it } from "vitest";
import {
  applyCorrections,
  checkSearchText,
  MAX_QUERY_LENGTH,
  parseSearchParams,
  positiveText,
  searchHref,
} from "./query";

describe("checkSearchText", () => {
  it("trims and collapses whitespace", () => {
    expect(checkSearchText("  korean \n  war ")).toEqual({ ok: true, q: "korean war" });
    expect(checkSearchText(["first", "second"])).toEqual({ ok: true, q: "first" });
  });

  it("treats control characters as whitespace (the database refuses NUL in text)", () => {
    expect(checkSearchText("korean\u0000war\u0001\u0002\u007f")).toEqual({ ok: true, q: "korean war" });
    expect(checkSearchText("\u0000")).toEqual({ ok: false, problem: "empty" });
  });

  it("refuses empty text", () => {
    expect(checkSearchText(undefined)).toEqual({ ok: false, problem: "empty" });
    expect(checkSearchText("   ")).toEqual({ ok: false, problem: "empty" });
  });

  it(`accepts ${MAX_QUERY_LENGTH} characters and refuses one more`, () => {
    expect(checkSearchText("é".repeat(MAX_QUERY_LENGTH)).ok).toBe(true);
    expect(checkSearchText("a".repeat(MAX_QUERY_LENGTH + 1))).toEqual({ ok: false, problem: "too_long" });
  });
});

describe("parseSearchParams", () => {
  it("defaults to relevance and keeps the list filters", () => {
    const { query, problems, textProblem } = parseSearchParams({ q: "war", language: "es", page: "2" });
    expect(query).toMatchObject({ q: "war", sort: "relevance", language: "es", page: 2 });
    expect(problems).toEqual([]);
    expect(textProblem).toBeNull();
  });

  it("accepts the browse sorts and reports bad ones", () => {
    expect(parseSearchParams({ q: "war", sort: "price-asc" }).query.sort).toBe("price-asc");
    const bad = parseSearchParams({ q: "war", sort: "random" });
    expect(bad.query.sort).toBe("newest");
    expect(bad.problems).toEqual([
      {
        param: "sort",
        message: "sort must be one of relevance, newest, price-asc, price-desc, rating, title.",
      },
    ]);
  });

  it("reports q or sort given more than once", () => {
    const twice = parseSearchParams({ q: ["war", "peace"] });
    expect(twice.query.q).toBe("war");
    expect(twice.problems.map((p) => p.param)).toEqual(["q"]);
    expect(parseSearchParams({ q: "war", sort: ["relevance", "title"] }).problems).toEqual([
      { param: "sort", message: "sort may be given once." },
    ]);
  });

  it("reports a missing or long q, and unknown parameters when strict", () => {
    expect(parseSearchParams({}).textProblem).toBe("empty");
    expect(parseSearchParams({ q: "x".repeat(201) }).textProblem).toBe("too_long");
    const strict = parseSearchParams({ q: "war", colour: "red" }, { allowUnknown: false });
    expect(strict.problems.map((p) => p.param)).toEqual(["colour"]);
  });

  it("writes links back with q first and relevance left out", () => {
    const { query } = parseSearchParams({ q: "korean war", format: "ebook" });
    expect(searchHref(query, { page: 2 })).toBe("/search?q=korean+war&format=ebook&page=2");
    expect(searchHref(query, { sort: "title" })).toBe("/search?q=korean+war&format=ebook&sort=title");
  });
});

describe("typo helpers", () => {
  it("drops exclusions from the text typo detection reads", () => {
    expect(positiveText('war -korean -"cold war" "big bang"')).toBe('war   "big bang"');
  });

  it("replaces misspelled words, keeping exclusions and punctuation", () => {
    const fixes = new Map([
      ["koren", "korean"],
      ["escula", "escuela"],
    ]);
    expect(applyCorrections("koren war", fixes)).toBe("korean war");
    expect(applyCorrections('"Koren war" -koren', fixes)).toBe('"korean war" -koren');
    expect(applyCorrections("la escula, koren", fixes)).toBe("la escuela, korean");
    expect(applyCorrections('-"koren war" koren', fixes)).toBe('-"koren war" korean');
  });
});
