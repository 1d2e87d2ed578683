import { describe, expect, it } from "vitest";
import { type SearchResult, SNIPPET_START as S, SNIPPET_STOP as E } from "@/lib/catalog/search/service";
import type { BookSummary } from "@/lib/catalog/shared";
import { snippetHighlights, toSearchResultsDoc } from "./schemas";

const marked = (snippet: string, highlights: { start: number; end: number }[]) =>
  highlights.map(({ start, end }) => snippet.slice(start, end));

describe("snippetHighlights", () => {
  it("removes the sentinels and gives each matched word's offsets in the plain text", () => {
    const doc = snippetHighlights(`about the ${S}Korean${E} ${S}War${E}, 1950–53.`);
    expect(doc).toEqual({
      snippet: "about the Korean War, 1950–53.",
      highlights: [
        { start: 10, end: 16 },
        { start: 17, end: 20 },
      ],
    });
    expect(marked(doc.snippet, doc.highlights)).toEqual(["Korean", "War"]);
  });

  it("counts UTF-16 code units, as JavaScript strings do", () => {
    const doc = snippetHighlights(`📚 educación ${S}básica${E} … ${S}niños${E}`);
    expect(doc.snippet).toBe("📚 educación básica … niños");
    expect(doc.highlights[0]).toEqual({ start: 13, end: 19 });
    expect(marked(doc.snippet, doc.highlights)).toEqual(["básica", "niños"]);
  });

  it("has no highlights for plain, empty or stray-sentinel snippets", () => {
    expect(snippetHighlights("no match here")).toEqual({ snippet: "no match here", highlights: [] });
    expect(snippetHighlights("")).toEqual({ snippet: "", highlights: [] });
    expect(snippetHighlights(`${E}plain${S}${E}`)).toEqual({ snippet: "plain", highlights: [] });
  });
});

describe("toSearchResultsDoc", () => {
  const book: BookSummary = {
    id: 1,
    slug: "mao-stalin-and-the-korean-war",
    title: "Mao, Stalin and the Korean War",
    subtitle: null,
    teaser: null,
    languages: ["en"],
    featured: true,
    contributors: [],
    categories: [],
    fromPrice: { amountMinor: 3999, currency: "USD" },
    primaryFormatName: "Kindle Edition",
    listingRating: null,
    rating: { count: 0, average: 0 },
    updatedAt: "2026-01-01T00:00:00.000Z",
    cover: null,
  };

  it("maps hits, page info and the capped total", () => {
    const result: SearchResult = {
      q: "koren war",
      hits: [
        {
          book,
          snippet: `the ${S}Korean${E} ${S}War${E}`,
          markedTitle: `Mao, Stalin and the ${S}Korean${E} ${S}War${E}`,
          markedNames: [`Sandeep ${S}Balakrishna${E}`, "Shen Zihua"],
        },
      ],
      total: 1000,
      totalIsCapped: true,
      page: 2,
      pageSize: 10,
      pageCount: 100,
      suggestion: "korean war",
    };
    const doc = toSearchResultsDoc(result);
    expect(doc).toMatchObject({
      q: "koren war",
      suggestion: "korean war",
      page: { page: 2, pageSize: 10, pageCount: 100 },
      total: 1000,
      totalIsCapped: true,
    });
    expect(doc.data).toHaveLength(1);
    expect(doc.data[0]).toMatchObject({
      book: { slug: book.slug, fromPrice: { amount: "39.99", amountMinor: 3999, currency: "USD" } },
      snippet: "the Korean War",
      highlights: [
        { start: 4, end: 10 },
        { start: 11, end: 14 },
      ],
    });
    expect(marked(doc.data[0]!.book.title, doc.data[0]!.titleHighlights)).toEqual(["Korean", "War"]);
    expect(doc.data[0]!.nameHighlights).toEqual([[{ start: 8, end: 19 }], []]);
    expect(JSON.stringify(doc)).not.toMatch(/[\u0001\u0002]/);
  });
});
