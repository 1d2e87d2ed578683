import { expect, test } from "@playwright/test";

const SEED_TITLES = [
  "Mao, Stalin and the Korean War",
  "The Secrets of Chaplaincy",
  "Animales Wordbooks",
  "Let's Learn Russian",
  "The Incredible Adventures of Tap It Tad",
  "School / la Escuela (Wordbooks / Libros de Palabras)",
  "15 Exciting Fun Facts About Canada for Curious Kids",
  "What Did He Say?",
  "A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)",
];

test("the production build serves the seeded catalog on its home page", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  for (const title of SEED_TITLES) {
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  }
  await expect(page.getByText("by Sandeep Balakrishna")).toBeVisible();
});
