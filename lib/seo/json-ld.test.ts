import { describe, expect, it } from "vitest";
import type { BookDetail, EditionView } from "@/lib/catalog/shared/types";
import { summarizeRatings } from "@/lib/catalog/ratings/summary";
import { accessibilityOf, articleJsonLd, bookJsonLd, serializeJsonLd, siteJsonLd } from "./json-ld";

const site = {
  name: "Quire Books",
  url: "https://books.quire-store.test",
  logoUrl: "https://books.quire-store.test/icon.svg",
};
const url = `${site.url}/books/mao-stalin-and-the-korean-war`;

const kindle: EditionView = {
  id: 1,
  format: "ebook",
  formatName: "Kindle Edition",
  formatIsPlaceholder: false,
  editionLabel: "1st Edition",
  isbn13: null,
  price: { amountMinor: 3999, currency: "USD" },
  availability: "in_stock",
  publisher: null,
  publicationDate: null,
  pageCount: 265,
  fileSizeKb: 1706,
  readingFeatures: { textToSpeech: true, screenReader: true, enhancedTypesetting: true, wordWise: true },
};

const book: BookDetail = {
  id: 1,
  slug: "mao-stalin-and-the-korean-war",
  title: "Mao, Stalin and the Korean War",
  subtitle: "Trilateral Communist Relations in the 1950s",
  teaser: "This book examines relations…",
  description: "This book examines relations between China and the Soviet Union during the 1950s.",
  languages: ["en"],
  featured: true,
  contributors: [
    {
      slug: "sandeep-balakrishna",
      name: "Sandeep Balakrishna",
      role: "author",
      roleLabel: "Author",
      onixRole: "A01",
      note: null,
    },
    {
      slug: "shen-zihua",
      name: "Shen Zihua",
      role: "original_author",
      roleLabel: "Original author",
      onixRole: "A38",
      note: null,
    },
  ],
  categories: [{ slug: "history", name: "History" }],
  fromPrice: { amountMinor: 3999, currency: "USD" },
  primaryFormatName: "Kindle Edition",
  listingRating: "5 out of 5",
  rating: { count: 0, average: 0 },
  updatedAt: "2026-11-27T00:00:00.000Z",
  cover: null,
  status: "published",
  version: 1,
  series: { slug: "cold-war-history", name: "Cold War History", position: null },
  editions: [kindle],
  articles: [],
  publishedAt: "2026-11-27T00:00:00.000Z",
  createdAt: "2026-11-27T00:00:00.000Z",
};

const noRatings = summarizeRatings([]);

describe("book JSON-LD", () => {
  const [work, product] = bookJsonLd(book, noRatings, {
    url,
    imageUrl: `${url}/opengraph-image`,
    site,
  });

  it("describes the work with author and original-author roles, language and series", () => {
    expect(work).toMatchObject({
      "@type": "Book",
      name: book.title,
      inLanguage: "en",
      author: [{ "@type": "Person", name: "Sandeep Balakrishna" }],
      contributor: [{ "@type": "Role", roleName: "Original author", contributor: { name: "Shen Zihua" } }],
      isPartOf: { "@type": "BookSeries", name: "Cold War History" },
      image: `${url}/opengraph-image`,
    });
  });

  it("lists the Kindle edition as a workExample with its format, pages, accessibility and offer", () => {
    expect(work).toHaveProperty("workExample", [
      expect.objectContaining({
        "@type": "Book",
        bookFormat: "https://schema.org/EBook",
        bookEdition: "1st Edition",
        numberOfPages: 265,
        accessibilityFeature: [
          "readingOrder",
          "structuralNavigation",
          "displayTransformability",
          "annotations",
        ],
        accessMode: ["textual"],
        accessModeSufficient: [
          expect.objectContaining({ "@type": "ItemList", itemListElement: ["textual"] }),
          expect.objectContaining({ "@type": "ItemList", itemListElement: ["auditory"] }),
        ],
        offers: expect.objectContaining({
          price: "39.99",
          priceCurrency: "USD",
          availability: "https://schema.org/InStock",
        }) as unknown,
      }),
    ]);
    expect(work).not.toHaveProperty("workExample.0.isbn");
  });

  it("gives a Product with offers that satisfy merchant listings", () => {
    expect(product).toMatchObject({
      "@type": "Product",
      name: `${book.title}: ${book.subtitle}`,
      image: `${url}/opengraph-image`,
    });
    expect(product).toHaveProperty("offers", [
      expect.objectContaining({ price: "39.99", priceCurrency: "USD", url }),
    ]);
  });

  it("never turns the listing's own rating into an AggregateRating", () => {
    expect(JSON.stringify([work, product])).not.toContain("AggregateRating");
  });

  it("publishes an AggregateRating from this store's ratings only", () => {
    const ratings = summarizeRatings([
      { stars: 5, count: 1 },
      { stars: 4, count: 1 },
    ]);
    for (const node of bookJsonLd(book, ratings, { url, imageUrl: url, site })) {
      expect(node).toHaveProperty("aggregateRating", {
        "@type": "AggregateRating",
        ratingValue: 4.5,
        ratingCount: 2,
        bestRating: 5,
        worstRating: 1,
      });
    }
  });

  it("marks the ISBN when known and language lists for bilingual titles", () => {
    const [w] = bookJsonLd(
      { ...book, languages: ["es", "en"], editions: [{ ...kindle, isbn13: "9780306406157" }] },
      noRatings,
      { url, imageUrl: url, site },
    );
    expect(w).toHaveProperty("inLanguage", ["es", "en"]);
    expect(w).toHaveProperty("workExample.0.isbn", "9780306406157");
  });
});

describe("accessibilityOf", () => {
  it("claims nothing for print editions and only what the features support", () => {
    expect(accessibilityOf({ ...kindle, format: "paperback" })).toBeNull();
    const plain = accessibilityOf({
      ...kindle,
      readingFeatures: {
        textToSpeech: false,
        screenReader: false,
        enhancedTypesetting: false,
        wordWise: false,
      },
    });
    expect(plain).toEqual({
      accessibilityFeature: ["none"],
      accessMode: ["textual"],
      accessModeSufficient: [expect.objectContaining({ itemListElement: ["textual"] })],
    });
  });
});

describe("article and site JSON-LD", () => {
  it("describes the article with its publisher and the book it is about", () => {
    const article = articleJsonLd(
      {
        slug: "a",
        title: "Mao Stalin And The Korean War",
        excerpt: "When we think…",
        blocks: [],
        book,
        publishedAt: "2026-11-27T00:00:00.000Z",
        updatedAt: "2026-11-27T00:00:00.000Z",
      },
      {
        url: `${site.url}/articles/a`,
        imageUrl: `${site.url}/articles/a/opengraph-image`,
        bookUrl: url,
        site,
      },
    );
    expect(article).toMatchObject({
      "@type": "Article",
      headline: "Mao Stalin And The Korean War",
      about: { "@type": "Book", url },
      publisher: { name: "Quire Books" },
    });
  });

  it("gives the WebSite a SearchAction", () => {
    const [, website] = siteJsonLd(site);
    expect(website).toHaveProperty(
      "potentialAction.target.urlTemplate",
      `${site.url}/search?q={search_term_string}`,
    );
  });

  it("escapes < so no text can close the script element", () => {
    expect(serializeJsonLd({ name: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
