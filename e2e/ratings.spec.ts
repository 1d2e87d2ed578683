import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Shopper ratings on a book no other spec asserts ratings on (never the featured book, whose
// "no shopper ratings" other specs check). Each shopper is a fresh browser context. Counts are
// read before and compared after, so the spec does not depend on what ran before it. This branch
// emits no JSON-LD yet, so the published numbers are checked through GET /api/v1/books/{slug}.
const BOOK = { slug: "what-did-he-say", title: "What Did He Say?" };
const PATH = `/books/${BOOK.slug}`;

interface Rating {
  count: number;
  average: number;
}

async function apiRating(request: APIRequestContext): Promise<Rating & { distribution: Rating }> {
  const response = await request.get(`/api/v1/books/${BOOK.slug}`);
  expect(response.status()).toBe(200);
  const book = (await response.json()) as { rating: Rating; ratings: Rating };
  // The book's aggregates and the distribution over its rows agree.
  expect(book.rating).toEqual({ count: book.ratings.count, average: book.ratings.average });
  return { ...book.rating, distribution: book.ratings };
}

function summaryText(count: number): RegExp {
  return new RegExp(`\\(${count} ratings?\\)`);
}

async function fillRating(page: Page, stars: number, title: string) {
  await page
    .getByRole("group", { name: "Your rating" })
    .getByRole("radio", { name: `${stars} star` })
    .check();
  await page.getByRole("textbox", { name: /^Title/ }).fill(title);
  await page
    .getByRole("textbox", { name: /^Review/ })
    .fill("Short, clear and useful.\n\n<script>alert(1)</script> stays text.");
  await page.getByRole("textbox", { name: /^Name shown with your review/ }).fill("E2E Reader");
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`rating a book with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test("a shopper rates once, sees the new summary, and a second rating is refused", async ({
      browser,
      request,
      baseURL,
    }) => {
      const before = await apiRating(request);
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(PATH);
      await expect(page.getByRole("heading", { name: "Rate this book" })).toBeVisible();
      const title = `Rated with JavaScript ${javaScriptEnabled ? "on" : "off"}`;
      await fillRating(page, 4, title);
      await page.getByRole("button", { name: "Submit rating" }).click();
      await expect(page.getByRole("region", { name: "Shopper ratings" }).getByRole("status")).toHaveText(
        "Thanks — your rating is published.",
      );

      // With JavaScript the summary updates in place; without, the page answering the post shows it.
      const ratings = page.getByRole("region", { name: "Shopper ratings" });
      await expect(ratings.getByText(summaryText(before.count + 1))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${PATH}$`));

      const after = await apiRating(request);
      expect(after.count).toBe(before.count + 1);

      // The next request for the page shows it too, with the review escaped as text.
      await page.goto(PATH);
      await expect(ratings.getByText(`${after.average.toFixed(1)} out of 5`, { exact: true })).toBeVisible();
      await expect(ratings.getByText(summaryText(after.count))).toBeVisible();
      const review = page
        .getByRole("list", { name: "Shopper reviews, newest first" })
        .getByRole("listitem")
        .first();
      await expect(review.getByText(title)).toBeVisible();
      await expect(review.getByText("<script>alert(1)</script> stays text.")).toBeVisible();

      // The same shopper again: refused, nothing changes.
      await fillRating(page, 1, "Again");
      await page.getByRole("button", { name: "Submit rating" }).click();
      await expect(ratings.getByRole("alert")).toHaveText("You have already rated this book.");
      expect((await apiRating(request)).count).toBe(after.count);
      await context.close();
    });

    test("an invalid rating shows each message next to its field and stores nothing", async ({
      browser,
      request,
      baseURL,
    }) => {
      const before = await apiRating(request);
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(PATH);
      await page.getByRole("textbox", { name: /^Review/ }).fill("x".repeat(5000));
      await page.getByRole("button", { name: "Submit rating" }).click();

      const stars = page.getByRole("group", { name: "Your rating" });
      await expect(stars.getByText("Choose from 1 to 5 stars.")).toBeVisible();
      await expect(page.getByRole("textbox", { name: /^Review/ })).toHaveAccessibleDescription(
        /The review must be at most 4000 characters\./,
      );
      await expect(page.getByRole("textbox", { name: /^Review/ })).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("textbox", { name: /^Review/ })).toHaveValue("x".repeat(5000));
      if (javaScriptEnabled) {
        // axe runs as page script, so only where scripts run.
        const axe = await new AxeBuilder({ page }).include("#rate-this-book + form").analyze();
        expect(axe.violations.map((v) => v.id)).toEqual([]);
      }

      expect(await apiRating(request)).toEqual(before);
      await context.close();
    });
  });
}

test("the ratings API creates with 201, refuses with problem documents, and is not open cross-origin", async ({
  request,
  baseURL,
}) => {
  const contract = (await (await request.get("/api/v1/openapi.json")).json()) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(contract, "openapi");
  const conforms = (schema: string, body: unknown) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
    const valid = validate(body) as boolean;
    expect(validate.errors ?? [], schema).toEqual([]);
    expect(valid).toBe(true);
  };

  const before = await apiRating(request);
  const shopper = await playwrightRequest.newContext({ baseURL });
  const url = `/api/v1/books/${BOOK.slug}/ratings`;

  const invalid = await shopper.post(url, { data: { stars: 6, body: "y".repeat(5000) } });
  expect(invalid.status()).toBe(422);
  expect(invalid.headers()["content-type"]).toBe("application/problem+json");
  const problem = (await invalid.json()) as { errors: { name: string }[] };
  conforms("Problem", problem);
  expect(problem.errors.map((e) => e.name).sort()).toEqual(["body", "stars"]);

  const created = await shopper.post(url, { data: { stars: 5, title: "Via the API" } });
  expect(created.status()).toBe(201);
  const rating = (await created.json()) as Record<string, unknown>;
  conforms("CreatedRating", rating);
  expect(rating).toMatchObject({ stars: 5, title: "Via the API", status: "published", body: null });
  expect(created.headers()["access-control-allow-origin"]).toBeUndefined();
  expect(created.headers()["set-cookie"]).toMatch(/qb_shopper=[^;]+;.*HttpOnly/i);

  const again = await shopper.post(url, { data: { stars: 1 } });
  expect(again.status()).toBe(409);
  conforms("Problem", await again.json());

  const crossSite = await playwrightRequest.newContext({ baseURL });
  const foreign = await crossSite.post(url, {
    data: { stars: 1 },
    headers: { origin: "https://elsewhere.example" },
  });
  expect(foreign.status()).toBe(403);
  const preflight = await crossSite.fetch(url, {
    method: "OPTIONS",
    headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
  });
  expect(preflight.headers()["access-control-allow-methods"] ?? "").not.toContain("POST");

  const after = await apiRating(request);
  expect(after.count).toBe(before.count + 1);
  const list = (await (await request.get(url)).json()) as { data: { title: string | null }[] };
  expect(list.data[0]?.title).toBe("Via the API");
  await shopper.dispose();
  await crossSite.dispose();
});
