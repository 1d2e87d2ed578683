import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";

import { ADMIN, EDITOR } from "./support/admin";

// Sign-in itself, so every test here signs in through the form (the other specs reuse the
// sessions of e2e/staff.setup.ts). Accounts created by scripts/test/e2e-staff.ts on every e2e server.
const LIMITED = { email: "limited@e2e.test", password: EDITOR.password };
const SESSION_COOKIE = "bookstore_admin_session";
const ADMIN_URLS = ["/admin", "/admin/users", "/admin/audit"];

/** Signs in and waits for the outcome: the admin when `succeeds`, the sign-in page's error otherwise. */
async function signIn(page: Page, account: { email: string; password: string }, succeeds = true) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (succeeds) await page.waitForURL((url) => !url.pathname.startsWith("/admin/sign-in"));
  else await page.waitForURL((url) => url.searchParams.has("error"));
}

/** The page's own alert (Next adds an empty route-announcer alert of its own). */
const alert = (page: Page) => page.getByRole("main").getByRole("alert");

/** The fields a no-JavaScript submission of the form with this button would post (incl. React's action id). */
async function formFields(page: Page, button: string): Promise<Record<string, string>> {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: button, exact: true }) });
  return form.evaluate((element: HTMLFormElement) => {
    const fields: Record<string, string> = {};
    new FormData(element).forEach((value, key) => {
      if (typeof value === "string") fields[key] = value;
    });
    return fields;
  });
}

/** Where a no-JavaScript server action post sends the browser (303), e.g. /admin/not-allowed when refused. */
function redirectPath(response: APIResponse): string | null {
  return response.status() === 303 ? new URL(response.headers()["location"]!, "http://x").pathname : null;
}

async function sessionStatus(request: APIRequestContext) {
  return (await request.get("/api/admin/session")).status();
}

test.describe("signed out", () => {
  for (const url of ADMIN_URLS) {
    test(`${url} redirects to sign-in and comes back after it`, async ({ page }) => {
      await page.goto(url);
      await expect(page).toHaveURL(`/admin/sign-in?next=${encodeURIComponent(url)}`);
      await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    });
  }

  test("the admin route handler answers 401 problem+json", async ({ request }) => {
    const response = await request.get("/api/admin/session");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({
      type: "/problems/unauthorized",
      status: 401,
      detail: "Sign in at /admin/sign-in.",
    });
  });
});

test("sign-in returns to the page asked for; wrong passwords and unknown emails get the same message", async ({
  page,
}) => {
  const attempt = async (email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  const message = alert(page);
  await page.goto("/admin/audit");
  await attempt("nobody@e2e.test", "whatever-password");
  await page.waitForURL((url) => url.searchParams.get("error") === "invalid");
  await expect(message).toHaveText("The email or password is not right.");
  // A fresh form, so the next outcome cannot be mistaken for the previous one.
  await page.goto(`/admin/sign-in?next=${encodeURIComponent("/admin/audit")}`);
  await expect(message).toHaveCount(0);
  await attempt(ADMIN.email, "wrong-password-123");
  await page.waitForURL((url) => url.searchParams.get("error") === "invalid");
  await expect(message).toHaveText("The email or password is not right.");
  await expect(page).toHaveURL(/next=%2Fadmin%2Faudit/);
  // Only the password needs typing again.
  await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "auth.sign_in_failed" }).first()).toBeVisible();
});

test("an editor gets 403 on the admin-only pages", async ({ page }) => {
  await signIn(page, EDITOR);
  await expect(page.getByText(`${EDITOR.email} (editor)`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Users", exact: true })).toHaveCount(0);
  for (const url of ["/admin/users", "/admin/audit"]) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "403 · Not allowed" })).toBeVisible();
  }
  const api = await page.request.get("/api/admin/session");
  expect(await api.json()).toMatchObject({ email: EDITOR.email, role: "editor" });
});

test("after N wrong passwords the next attempt is refused, even with the right password", async ({
  page,
}) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: LIMITED.email, password: `wrong-password-${i}` }, false);
    await expect(alert(page)).toHaveText("The email or password is not right.");
  }
  await signIn(page, LIMITED, false);
  await expect(alert(page)).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  expect(await sessionStatus(page.request)).toBe(401);
});

test("sign-out revokes the session: the old cookie no longer works", async ({ page, browser, baseURL }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();

  const fresh = await browser.newContext({ baseURL });
  await fresh.addCookies([{ name: SESSION_COOKIE, value: cookie!.value, url: baseURL! }]);
  const other = await fresh.newPage();
  await other.goto("/admin/users");
  await expect(other).toHaveURL(/\/admin\/sign-in\?next=/);
  expect(await sessionStatus(fresh.request)).toBe(401);
  await fresh.close();
});

test.describe("cross-site requests", () => {
  test("a sign-in post with a foreign or missing Origin is refused; the same post from the site works", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await page.goto("/admin/sign-in");
    const fields = { ...(await formFields(page, "Sign in")), email: ADMIN.email, password: ADMIN.password };
    expect(Object.keys(fields).some((key) => key.startsWith("$ACTION_ID_"))).toBe(true);

    // A foreign Origin: Next itself aborts the action. No Origin: our guard refuses it (Next would not).
    for (const origin of ["https://evil.example", undefined]) {
      const client = await playwright.request.newContext({ baseURL });
      const response = await client.post("/admin/sign-in", {
        multipart: fields,
        headers: origin ? { origin } : {},
        maxRedirects: 0,
      });
      if (origin) expect(response.status()).toBeGreaterThanOrEqual(400);
      else expect(redirectPath(response)).toBe("/admin/not-allowed");
      expect(response.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
      expect(await sessionStatus(client)).toBe(401);
      await client.dispose();
    }

    const client = await playwright.request.newContext({ baseURL });
    const ok = await client.post("/admin/sign-in", {
      multipart: fields,
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(redirectPath(ok)).toBe("/admin");
    expect(await sessionStatus(client)).toBe(200);
    await client.dispose();
  });

  test("an admin mutation without a same-site Origin is refused, even with the admin's cookie", async ({
    page,
    baseURL,
  }) => {
    await signIn(page, ADMIN);
    await page.goto("/admin/users");
    const email = `csrf-${Date.now()}@e2e.test`;
    const fields = {
      ...(await formFields(page, "Create account")),
      email,
      name: "Forged",
      role: "admin",
      password: "forged-password-123",
    };
    const missing = await page.request.post("/admin/users", { multipart: fields, maxRedirects: 0 });
    expect(redirectPath(missing)).toBe("/admin/not-allowed");
    expect((await page.goto("/admin/not-allowed"))?.status()).toBe(403);
    const foreign = await page.request.post("/admin/users", {
      multipart: fields,
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBeGreaterThanOrEqual(400);
    await page.goto("/admin/users");
    await expect(page.getByRole("cell", { name: email })).toHaveCount(0);

    const same = await page.request.post("/admin/users", {
      multipart: fields,
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(redirectPath(same)).toBe("/admin/users");
    await page.goto("/admin/users");
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  });
});

test("an admin creates an editor, who can then sign in", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Users", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Staff users" })).toBeVisible();

  const email = `new-editor-${Date.now()}@e2e.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("New Editor");
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Initial password").fill("new-editor-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toHaveText(`Created the account of ${email}.`);
  await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await signIn(page, { email, password: "new-editor-password-1" });
  await expect(page.getByText(`${email} (editor)`)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in works, errors included", async ({ page }) => {
    await signIn(page, { email: ADMIN.email, password: "not-the-password" }, false);
    await expect(alert(page)).toHaveText("The email or password is not right.");
    await expect(page.getByLabel("Email")).toHaveValue(ADMIN.email);
    await signIn(page, ADMIN);
    await expect(page).toHaveURL("/admin");
    await expect(page.getByText(`Signed in as`)).toBeVisible();
  });

  test("an admin disables an account and resets a password (shown once)", async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto("/admin/users");
    const email = `nojs-${Date.now()}@e2e.test`;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill("No JS");
    await page.getByLabel("Initial password").fill("nojs-password-12345");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("status")).toHaveText(`Created the account of ${email}.`);

    await page.getByRole("button", { name: `Reset password of ${email}` }).click();
    const shown = page.getByRole("status").filter({ hasText: `New password for ${email}` });
    await expect(shown).toBeVisible();
    const password = (await shown.locator("code").textContent())!;
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);

    await page.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(page.getByRole("status")).toHaveText(`Disabled the account of ${email}.`);
    await page.getByRole("button", { name: `Enable ${email}` }).click();
    await expect(page.getByRole("status")).toHaveText(`Enabled the account of ${email}.`);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await signIn(page, { email, password });
    await expect(page.getByText(`${email} (editor)`)).toBeVisible();
  });
});
