// Staff accounts made by scripts/test/e2e-staff.ts, their signed-in state, and the listing
// editor's steps as staff take them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

export const ADMIN = {
  role: "admin",
  email: "admin@e2e.test",
  password: process.env.E2E_ADMIN_PASSWORD || "e2e-admin-password-0123",
} as const;
export const EDITOR = {
  role: "editor",
  email: "editor@e2e.test",
  password: process.env.E2E_EDITOR_PASSWORD || "e2e-editor-password-0123",
} as const;
export type StaffAccount = typeof ADMIN | typeof EDITOR;

/**
 * Where e2e/staff.setup.ts keeps a staff member's signed-in state (Playwright's storageState) for
 * the e2e server at `baseURL`: each server has its own database, hence its own sessions.
 */
export function staffStateFile(baseURL: string | undefined, account: StaffAccount): string {
  const port = new URL(baseURL ?? "http://127.0.0.1").port;
  return path.resolve(import.meta.dirname, "..", "..", ".data", "e2e-auth", `${port}-${account.role}.json`);
}

/** Signs in through the form and waits for `next`: what the setup project does once per account. */
export async function signInThroughForm(page: Page, account: StaffAccount, next = "/admin") {
  await page.goto(`/admin/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * Gives the page's browser context the session the setup project signed in with, then opens
 * `next` as that staff member (mid-test too: a shopper's cookies stay).
 */
export async function actAsStaff(page: Page, account: StaffAccount = EDITOR, next = "/admin/books") {
  const file = staffStateFile(test.info().project.use.baseURL, account);
  const state = JSON.parse(await readFile(file, "utf8")) as {
    cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0];
  };
  await page.context().addCookies(state.cookies);
  await page.goto(next);
  await expect(page).toHaveURL((url) => url.pathname === next);
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
