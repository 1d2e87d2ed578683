import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  EARLY_READER_TITLES,
  FEATURED,
  INVISIBLE_SLUGS,
  OTHER_RELATED_TITLES,
  SPANISH_TITLES,
} from "./support/catalog";

const EBOOK_DETAILS: [string, string][] = [
  ["File size", "1706 KB"],
  ["Text-to-Speech", "Enabled"],
  ["Enhanced typesetting", "Enabled"],
  ["Word Wise", "Enabled"],
  ["Print length", "265 pages"],
  ["Screen Reader", "Supported"],
];

const ARTICLE_HEADINGS = [
  "The Origins of the Korean War",
  "Mao Zedong and the People's Republic of China",
  "Joseph Stalin's Calculated Moves",
  "The Role of Mao and Stalin in the War",
  "The Aftermath and Legacy",
];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`storefront with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("home features the Korean War title beside the eight related titles, grouped", async ({ page }) => {
      expect((await page.goto("/"))?.status()).toBe(200);
      const hero = page.getByRole("region", { name: FEATURED.title });
      await expect(hero.getByRole("heading", { level: 1, name: FEATURED.title })).toBeVisible();
      await expect(hero.getByText(FEATURED.subtitle)).toBeVisible();
      await expect(hero.getByText("Sandeep Balakrishna (Author)")).toBeVisible();
      await expect(hero.getByText("Shen Zihua (Original author)")).toBeVisible();
      await expect(hero.getByText("Kindle Edition")).toBeVisible();
      await expect(hero.getByText("$39.99")).toBeVisible();
      await expect(hero.getByRole("img", { name: "Listing rating: 5 out of 5" })).toBeVisible();

      const early = page.getByRole("region", { name: "Wordbooks and phonics" });
      const more = page.getByRole("region", { name: "More to discover" });
      for (const title of EARLY_READER_TITLES)
        await expect(early.getByRole("link", { name: title })).toBeVisible();
      for (const title of OTHER_RELATED_TITLES)
        await expect(more.getByRole("link", { name: title })).toBeVisible();
      for (const title of SPANISH_TITLES) {
        await expect(page.getByRole("link", { name: title, exact: true })).toHaveAttribute("lang", "es");
      }
    });

    test("the product page shows the book's metadata and every ebook detail", async ({ page }) => {
      expect((await page.goto(`/books/${FEATURED.slug}`))?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: FEATURED.title })).toBeVisible();
      await expect(page.getByText(FEATURED.subtitle)).toBeVisible();
      await expect(page.getByText("Cold War History series")).toBeVisible();
      await expect(page.getByText("Kindle Edition · 1st Edition")).toBeVisible();
      await expect(page.getByText("$39.99")).toBeVisible();
      await expect(page.getByText("Available to download now")).toBeVisible();
      await expect(page.getByText("5 out of 5")).toBeVisible();
      await expect(page.getByText(/broke the mainland Chinese taboo/)).toBeVisible();

      const details = page.getByRole("table", { name: /Ebook details/ });
      for (const [label, value] of EBOOK_DETAILS) {
        await expect(details.getByRole("row", { name: `${label} ${value}` })).toBeVisible();
      }

      await page.getByRole("link", { name: /The Cold War Power Struggle that Shaped a Nation/ }).click();
      await expect(page).toHaveURL(new RegExp(`/articles/${FEATURED.article}$`));

      // Nothing in the seed shares its series, authors or shelves: no unrelated shelves fill the
      // space (the Spanish wordbooks used to).
      await page.goto(`/books/${FEATURED.slug}`);
      await expect(page.getByRole("heading", { level: 1, name: FEATURED.title })).toBeVisible();
      await expect(page.getByRole("region", { name: "More like this" })).toHaveCount(0);
    });

    test("more like this shows the book's own shelf first, at most four books", async ({ page }) => {
      await page.goto("/books/animales-wordbooks");
      const related = page.getByRole("region", { name: "More like this" }).getByRole("heading", { level: 3 });
      await expect(related).toHaveCount(4);
      // The two other wordbooks first (its main category), then other children's books.
      expect((await related.allTextContents()).slice(0, 2).sort()).toEqual([
        "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
        "School / la Escuela (Wordbooks / Libros de Palabras)",
      ]);
      await expect(page.getByRole("region", { name: "More like this" })).not.toContainText(FEATURED.title);
    });

    test("the article renders with its headings and links back to the book", async ({ page }) => {
      expect((await page.goto(`/articles/${FEATURED.article}`))?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Mao Stalin And The Korean War: The Cold War Power Struggle that Shaped a Nation",
      );
      const article = page.getByRole("article");
      await expect(article.getByRole("heading", { level: 2 })).toHaveText(ARTICLE_HEADINGS);
      await article.getByRole("link", { name: `Back to the book: ${FEATURED.title}` }).click();
      await expect(page.getByRole("heading", { level: 1, name: FEATURED.title })).toBeVisible();
    });

    test("unknown, draft and hidden books answer 404 with a way back", async ({ page }) => {
      for (const path of [
        "/books/no-such-book",
        ...INVISIBLE_SLUGS.map((s) => `/books/${s}`),
        "/articles/nope",
        "/books/%00%27",
        "/books/%E0%A4%A",
        "/no/such/page",
      ]) {
        // Twice: the first request renders, the second may come from the cache.
        for (let i = 0; i < 2; i++) {
          expect((await page.goto(path))?.status(), path).toBe(404);
        }
        await expect(
          page.getByRole("heading", { level: 1, name: "We couldn't find that page" }),
        ).toBeVisible();
        await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
      }
    });
  });
}

test("the wordbooks' scraped addresses answer 308 to their corrected titles", async ({ request, page }) => {
  const moved = [
    ["schoolla-escuela-wordbookslibros-de-palabras", "school-la-escuela-wordbooks-libros-de-palabras"],
    [
      "a-delicious-journey-through-foodla-comida-wordbookslibros-de-palabras",
      "a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras",
    ],
  ];
  for (const [before, now] of moved) {
    const response = await request.get(`/books/${before}`, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers()["location"]!, "http://x").pathname).toBe(`/books/${now}`);
  }
  await page.goto(`/books/${moved[0]![0]}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "School / la Escuela (Wordbooks / Libros de Palabras)",
  );
});

test.describe("accessibility (axe, WCAG 2.2 A/AA)", () => {
  for (const [name, path] of [
    ["home", "/"],
    ["product page", `/books/${FEATURED.slug}`],
    ["Spanish wordbook", "/books/animales-wordbooks"],
    ["article", `/articles/${FEATURED.article}`],
    ["catalog list", "/books?language=es&sort=title"],
    ["category page", "/categories/childrens"],
    ["contributor page", "/contributors/shen-zihua"],
    ["not found", "/books/no-such-book"],
  ]) {
    test(`${name} has no violations`, async ({ page }) => {
      await page.goto(path!);
      await expectNoAxeViolations(page);
    });
  }

  test("the phone layout has no violations either", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/books/${FEATURED.slug}`);
    await expectNoAxeViolations(page);
  });
});
