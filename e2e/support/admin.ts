// Staff accounts made by scripts/test/e2e-fixtures.ts, and the listing editor's steps as staff take them.
import { expect, type Page } from "@playwright/test";

export const ADMIN = {
  email: "admin@e2e.test",
  password: process.env.E2E_ADMIN_PASSWORD || "e2e-admin-password-0123",
};
export const EDITOR = {
  email: "editor@e2e.test",
  password: process.env.E2E_EDITOR_PASSWORD || "e2e-editor-password-0123",
};

/** Signs in through the form and waits for `next`. */
export async function signIn(page: Page, account = EDITOR, next = "/admin/books") {
  await page.goto(`/admin/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

export const edition = (page: Page, n = 1) => page.getByRole("group", { name: `Edition ${n}` });

/** Opens the editor of a book found by title or slug through the admin list's search. */
export async function openEditor(page: Page, search: string, title: string): Promise<string> {
  await page.goto(`/admin/books?q=${encodeURIComponent(search)}`);
  await page.getByRole("link", { name: `Edit ${title}`, exact: true }).click();
  await page.waitForURL(/\/admin\/books\/\d+$/);
  return new URL(page.url()).pathname;
}

export async function save(page: Page) {
  await page.getByRole("button", { name: /^(Save|Create) listing$/ }).click();
  await page.waitForURL((url) => url.searchParams.has("saved"));
  await expect(page.getByRole("status")).toContainText("Saved (version");
}

/** Creates a draft with one paperback edition; returns its editor path and slug. */
export async function createDraft(page: Page, title: string): Promise<{ path: string; slug: string }> {
  await page.goto("/admin/books/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await edition(page).getByLabel("Price").fill("12.50");
  await page.getByRole("button", { name: "Create listing" }).click();
  await page.waitForURL(/\/admin\/books\/\d+\?saved=1$/);
  const slug = await page.getByLabel("Slug (blank: from the title)").inputValue();
  return { path: new URL(page.url()).pathname, slug };
}
