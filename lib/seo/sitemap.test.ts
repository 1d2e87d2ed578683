import { describe, expect, it } from "vitest";
import { sitemapIndexXml, sitemapNames, SITEMAP_MAX_URLS, urlsetXml } from "./sitemap";

describe("sitemaps", () => {
  it("split books into files of at most 10,000 URLs", () => {
    expect(sitemapNames(9)).toEqual(["pages.xml", "books-1.xml"]);
    expect(sitemapNames(SITEMAP_MAX_URLS)).toEqual(["pages.xml", "books-1.xml"]);
    expect(sitemapNames(SITEMAP_MAX_URLS + 1)).toEqual(["pages.xml", "books-1.xml", "books-2.xml"]);
    expect(sitemapNames(100_000)).toHaveLength(11);
  });

  it("write absolute, escaped URLs with W3C datetimes", () => {
    const xml = urlsetXml("https://books.quire-store.test", [
      { path: "/books/a-&-b", lastModified: new Date("2026-11-27T10:00:00Z") },
    ]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(
      "<loc>https://books.quire-store.test/books/a-&amp;-b</loc><lastmod>2026-11-27T10:00:00.000Z</lastmod>",
    );
    const index = sitemapIndexXml("https://books.quire-store.test", ["pages.xml"], null);
    expect(index).toContain(
      "<sitemap><loc>https://books.quire-store.test/sitemaps/pages.xml</loc></sitemap>",
    );
  });
});
