import { expect, test } from "@playwright/test";
import { FEATURED, INVISIBLE_SLUGS } from "./support/catalog";

function head(html: string): string {
  return html.slice(0, html.indexOf("</head>"));
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => {
    const data = JSON.parse(m[1]!) as Record<string, unknown> | Record<string, unknown>[];
    return Array.isArray(data) ? data : [data];
  });
}

test("the raw <head> of a product page holds its title, canonical, Open Graph and Twitter tags", async ({
  request,
  baseURL,
}) => {
  const html = await (await request.get(`/books/${FEATURED.slug}`)).text();
  const h = head(html);
  expect(h).toContain(`<title>${FEATURED.title}: ${FEATURED.subtitle} | Quire Books</title>`);
  expect(h).toContain(`<link rel="canonical" href="${baseURL}/books/${FEATURED.slug}"/>`);
  expect(h).toMatch(/<meta property="og:title" content="Mao, Stalin and the Korean War/);
  expect(h).toContain(`<meta property="og:url" content="${baseURL}/books/${FEATURED.slug}"/>`);
  expect(h).toMatch(
    /<meta property="og:image" content="http[^"]+\/og\/books\/mao-stalin-and-the-korean-war"/,
  );
  expect(h).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  expect(h).toMatch(/<meta name="description" content="[^"]{50,}"/);
  expect(h).not.toContain("hreflang");
});

test("product JSON-LD parses and carries name, image and a valid offer, without the listing's rating", async ({
  request,
}) => {
  const nodes = jsonLd(await (await request.get(`/books/${FEATURED.slug}`)).text());
  const book = nodes.find((n) => n["@type"] === "Book");
  const product = nodes.find((n) => n["@type"] === "Product") as {
    name: string;
    image: string;
    offers: { price: string; priceCurrency: string; availability: string }[];
  };
  expect(book).toMatchObject({
    name: FEATURED.title,
    inLanguage: "en",
    author: [{ name: "Sandeep Balakrishna" }],
  });
  expect(product.name).toContain(FEATURED.title);
  expect(product.image).toMatch(/^http.*\/og\/books\/mao-stalin-and-the-korean-war$/);
  expect(Number(product.offers[0]!.price)).toBeGreaterThan(0);
  expect(product.offers[0]).toMatchObject({
    price: "39.99",
    priceCurrency: "USD",
    availability: "https://schema.org/InStock",
  });
  expect(nodes.find((n) => n["@type"] === "BreadcrumbList")).toBeTruthy();
  expect(JSON.stringify(nodes)).not.toContain("AggregateRating");
  const image = await request.get(new URL(product.image).pathname);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
});

test("the home page's link preview has an image, as product and article pages do", async ({ request }) => {
  const h = head(await (await request.get("/")).text());
  const image = /<meta property="og:image" content="(http[^"]+)"/.exec(h)?.[1];
  expect(image).toMatch(/\/og\/site$/);
  expect(h).toContain(`<meta name="twitter:image" content="${image}"/>`);
  const png = await request.get(new URL(image!).pathname);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
});

test("the article and home pages carry Article, Organization and WebSite data", async ({ request }) => {
  const article = jsonLd(await (await request.get(`/articles/${FEATURED.article}`)).text());
  expect(article.find((n) => n["@type"] === "Article")).toMatchObject({
    about: { "@type": "Book", name: FEATURED.title },
  });
  const home = jsonLd(await (await request.get("/")).text());
  expect(home.map((n) => n["@type"])).toEqual(expect.arrayContaining(["Organization", "WebSite"]));
});

test("the sitemap index names sitemaps that list every published book and no draft or hidden one", async ({
  request,
  baseURL,
}) => {
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("application/xml");
  const indexXml = await index.text();
  expect(indexXml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const locs = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(locs).toEqual([`${baseURL}/sitemaps/pages.xml`, `${baseURL}/sitemaps/books-1.xml`]);

  const books = await (await request.get("/sitemaps/books-1.xml")).text();
  expect(books).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
  );
  const urls = [
    ...books.matchAll(
      /<url><loc>([^<]+)<\/loc><lastmod>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)<\/lastmod><\/url>/g,
    ),
  ].map((m) => m[1]!);
  expect(urls).toContain(`${baseURL}/books/${FEATURED.slug}`);
  expect(urls.length).toBeGreaterThanOrEqual(9);
  for (const slug of INVISIBLE_SLUGS) expect(books).not.toContain(`/books/${slug}<`);
  const apiTotal = ((await (await request.get("/api/v1/books?limit=1")).json()) as { total: number }).total;
  expect(urls).toHaveLength(apiTotal);

  const pages = await (await request.get("/sitemaps/pages.xml")).text();
  for (const path of [
    "/books",
    "/categories/wordbooks",
    "/series/cold-war-history",
    "/contributors/shen-zihua",
    `/articles/${FEATURED.article}`,
  ]) {
    expect(pages).toContain(`<loc>${baseURL}${path}</loc>`);
  }
  expect((await request.get("/sitemaps/books-99.xml")).status()).toBe(404);
});

test("robots.txt keeps crawlers out of private routes and names the sitemap", async ({
  request,
  baseURL,
}) => {
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/cart", "/checkout/", "/orders/", "/admin", "/api/"])
    expect(robots).toContain(`Disallow: ${path}`);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("lists canonicalise re-sorted and duplicate variants to the base list, pages to themselves", async ({
  request,
  baseURL,
}) => {
  const canonical = async (path: string) =>
    /<link rel="canonical" href="([^"]+)"/.exec(head(await (await request.get(path)).text()))?.[1];
  expect(await canonical("/books?page=2&page_size=4")).toBe(`${baseURL}/books`);
  expect(await canonical("/books?language=es&sort=title")).toBe(`${baseURL}/books?language=es`);
  expect(await canonical("/books?category=wordbooks")).toBe(`${baseURL}/categories/wordbooks`);
  expect(await canonical("/categories/childrens?page=2")).toBe(`${baseURL}/categories/childrens?page=2`);
});
