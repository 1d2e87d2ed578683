import { describe, expect, it } from "vitest";
import { ROUTE_KINDS, routeKind } from "./route-kind.mjs";

describe("routeKind", () => {
  it("names the storefront's pages by kind", () => {
    expect(routeKind("/")).toBe("home");
    expect(routeKind("/?notice=added")).toBe("home");
    expect(routeKind("/books/the-hobbit")).toBe("product");
    expect(routeKind("/books/the-hobbit/reviews?page=2")).toBe("product");
    expect(routeKind("/books")).toBe("list");
    expect(routeKind("/books?category=fiction&page=3")).toBe("list");
    expect(routeKind("/search?q=dune")).toBe("search");
    expect(routeKind("/api/search/suggest?q=du")).toBe("search");
    expect(routeKind("/articles/summer-reading")).toBe("article");
    expect(routeKind("/pages/shipping")).toBe("article");
    expect(routeKind("/categories/fiction")).toBe("taxonomy");
    expect(routeKind("/contributors/ursula-k-le-guin")).toBe("taxonomy");
    expect(routeKind("/series/earthsea")).toBe("taxonomy");
    expect(routeKind("/cart")).toBe("cart");
    expect(routeKind("/api/cart/summary")).toBe("cart");
    expect(routeKind("/checkout/stub/cs_stub_1?token=x")).toBe("checkout");
    expect(routeKind("/orders/q1w2e3r4t5y6u7i8o9p0")).toBe("order");
    expect(routeKind("/downloads/g1?sig=x")).toBe("download");
  });

  it("tells the API, webhooks, probes, staff pages, assets and feeds apart", () => {
    expect(routeKind("/api/v1/books?limit=5")).toBe("api");
    expect(routeKind("/api/v1/books/the-hobbit/ratings")).toBe("api");
    expect(routeKind("/api/webhooks/stripe")).toBe("webhook");
    expect(routeKind("/api/health")).toBe("health");
    expect(routeKind("/api/ready")).toBe("health");
    expect(routeKind("/admin")).toBe("admin");
    expect(routeKind("/admin/books/123")).toBe("admin");
    expect(routeKind("/api/admin/session")).toBe("admin");
    expect(routeKind("/preview/books/1")).toBe("admin");
    expect(routeKind("/_next/static/chunks/main.js")).toBe("asset");
    expect(routeKind("/covers/the-hobbit?w=320")).toBe("asset");
    expect(routeKind("/icon.svg")).toBe("asset");
    expect(routeKind("/sitemap.xml")).toBe("seo");
    expect(routeKind("/sitemaps/books-1.xml")).toBe("seo");
    expect(routeKind("/robots.txt")).toBe("seo");
    expect(routeKind("/metrics")).toBe("metrics");
  });

  it("puts everything else, however odd, in a known kind", () => {
    for (const url of [
      "/metrics/extra",
      "/wp-login.php",
      "//books",
      "/%62ooks/x",
      "",
      undefined,
      "*",
      "/books/" + "x".repeat(5000),
      "http://evil.example/books/x",
    ]) {
      expect(ROUTE_KINDS, String(url)).toContain(routeKind(url));
    }
    expect(routeKind("/wp-login.php")).toBe("other");
  });
});
