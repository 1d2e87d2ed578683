// What the security review (issue 22) found, checked as a browser and a client see it: the
// security headers and Content-Security-Policies of every page kind, no policy violation on any
// of them, no framing, bodies refused as soon as they pass their limit, and admin pages that
// print no words taken from a crafted URL.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { actAsStaff, ADMIN } from "./support/admin";
import { FEATURED } from "./support/catalog";

// Headers and policies do not depend on the database: one project runs these.
test.beforeEach(() => {
  test.skip(test.info().project.name !== "pglite", "the same on every database");
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | undefined): Record<string, string[]> {
  expect(policy, "Content-Security-Policy").toBeTruthy();
  return Object.fromEntries(
    policy!
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const CACHED_PAGES = [
  "/",
  "/books",
  "/books?sort=title&page=1",
  "/categories",
  "/categories/wordbooks",
  "/pages/privacy",
  "/contributors/sandeep-balakrishna",
  `/books/${FEATURED.slug}`,
  `/books/${FEATURED.slug}/reviews`,
  `/articles/${FEATURED.article}`,
];
const PER_REQUEST_PAGES = ["/cart", "/admin/sign-in", "/admin"];

test("every page kind frames nothing, sniffs nothing and has the policy its caching allows", async ({
  request,
}) => {
  const check = async (path: string) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    const policy = directives(headers["content-security-policy"]);
    expect(policy["frame-ancestors"], path).toEqual(["'none'"]);
    expect(policy["object-src"], path).toEqual(["'none'"]);
    expect(policy["base-uri"], path).toEqual(["'self'"]);
    expect(policy["form-action"]?.[0], path).toBe("'self'");
    return { response, policy };
  };
  for (const path of CACHED_PAGES) {
    const { response, policy } = await check(path);
    expect(response.status(), path).toBe(200);
    // One policy for everyone, so a shared cache may keep the page: no nonce, no cookie.
    expect(policy["script-src"], path).toEqual(["'self'", "'unsafe-inline'"]);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  }
  const nonces = new Set<string>();
  for (const path of PER_REQUEST_PAGES) {
    for (let i = 0; i < 2; i++) {
      const { policy } = await check(path);
      const script = policy["script-src"] ?? [];
      expect(script, path).toContain("'strict-dynamic'");
      expect(script, path).not.toContain("'unsafe-inline'");
      const nonce = script.find((source) => source.startsWith("'nonce-"));
      expect(nonce, path).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
      nonces.add(nonce!);
    }
  }
  expect(nonces.size, "a fresh nonce per response").toBe(PER_REQUEST_PAGES.length * 2);
  // The page's scripts carry the nonce of its own header.
  const cart = await request.get("/cart");
  const nonce = directives(cart.headers()["content-security-policy"])
    ["script-src"]!.find((s) => s.startsWith("'nonce-"))!
    .slice(7, -1);
  expect(await cart.text()).toContain(`nonce="${nonce}"`);
  for (const path of ["/api/v1/books?limit=1", "/api/health", "/sitemap.xml", "/no-such-page"]) {
    const response = await request.get(path);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

/** Collects every policy violation and every console report of one while `visit` runs. */
async function violationsDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (
      /Content Security Policy|Refused to (execute|load|apply|connect|frame|send form)/i.test(message.text())
    )
      seen.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await visit();
  return seen;
}

test("no page kind breaks its Content-Security-Policy, with its scripts running", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await violationsDuring(page, async () => {
    for (const path of CACHED_PAGES.filter((p) => p !== "/books?sort=title&page=1")) {
      await page.goto(path);
      await page.waitForLoadState("load");
    }
    // Scripts run: client navigation, the search box's suggestions, the cart count.
    await page.goto("/");
    await page.getByRole("link", { name: FEATURED.title }).first().click();
    await expect(page).toHaveURL(new RegExp(`/books/${FEATURED.slug}$`));
    await page.getByRole("combobox", { name: /search/i }).fill("korean");
    await expect(page.getByRole("option").first()).toBeVisible();
    // The suggestions draw the cards' covers.
    await expect(page.getByRole("option").first().locator("svg, img")).toHaveCount(1);
    await page.goto("/search?q=korean+war");
    await page.goto("/developers/api");
    await page.goto("/no-such-page");
    // Per-request pages: the cart, the stub checkout, the order page, the admin.
    await page.goto(`/books/${FEATURED.slug}`);
    await page.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(page).toHaveURL(/\/cart\?notice=added&added=\d+$/);
    await expect(page.getByRole("link", { name: "Cart 1 item" })).toBeVisible();
    await page.getByRole("button", { name: "Checkout" }).click();
    await expect(page).toHaveURL(/\/checkout\/stub\//);
    await page.getByLabel("Email").fill("csp@example.com");
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page).toHaveURL(/\/orders\//);
    await page.waitForLoadState("load");
    await page.goto("/orders/not-a-real-token");
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    for (const path of [
      "/admin/books",
      "/admin/books/new",
      "/admin/users",
      "/admin/tokens",
      "/admin/exchange",
      "/admin/pages/about",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("load");
    }
    await page.getByRole("link", { name: "Books", exact: true }).first().click();
    await expect(page).toHaveURL(/\/admin\/books$/);
  });
  expect(violations).toEqual([]);
});

test("a page on another origin cannot frame the admin", async ({ page, baseURL }) => {
  await page.route("http://attacker.test/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<h1>Win a prize</h1><iframe name="store" src="${baseURL}/admin/users" width="800" height="600"></iframe>`,
    }),
  );
  await page.goto("http://attacker.test/");
  await page.waitForLoadState("load");
  const framed = page.frame({ name: "store" });
  // The browser shows its own error page in the frame, not the store's.
  expect(framed?.url()).not.toContain(baseURL!);
  expect(await framed?.locator("body").innerText()).not.toMatch(/Staff|Sign in/);
});

/** Posts a chunked body slowly and tells when the answer came, and how much had been sent by then. */
function slowUpload(url: string, headers: Record<string, string>, totalBytes = 64 * 1024 * 1024) {
  return new Promise<{ status: number; sentBytes: number; body: string; location?: string }>(
    (resolve, reject) => {
      const target = new URL(url);
      let sent = 0;
      let pump: NodeJS.Timeout | undefined = undefined;
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: "POST",
          headers: { ...headers, "transfer-encoding": "chunked" },
        },
        (response) => {
          const sentBytes = sent;
          clearInterval(pump);
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => {
            request.destroy();
            resolve({
              status: response.statusCode ?? 0,
              sentBytes,
              body,
              location: response.headers.location,
            });
          });
        },
      );
      request.on("error", reject);
      const chunk = Buffer.alloc(256 * 1024, 120);
      pump = setInterval(() => {
        if (sent >= totalBytes) {
          clearInterval(pump);
          request.end();
          return;
        }
        request.write(chunk);
        sent += chunk.length;
      }, 10);
    },
  );
}

test("a huge body is refused as soon as it passes the limit, never read to its end", async ({ baseURL }) => {
  for (const path of ["/api/webhooks/stripe", `/api/v1/books/${FEATURED.slug}/ratings`]) {
    const answer = await slowUpload(`${baseURL}${path}`, {
      "content-type": "application/json",
      origin: baseURL!,
    });
    expect(answer.status, path).toBe(413);
    expect(JSON.parse(answer.body), path).toMatchObject({ type: "/problems/payload-too-large" });
    expect(answer.sentBytes, path).toBeLessThan(8 * 1024 * 1024);
  }
});

/** The hidden fields of the form holding `button`, as a no-JavaScript post sends them (the action's id included). */
async function formOf(page: Page, button: RegExp | string): Promise<[string, string][]> {
  return page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: button }) })
    .first()
    .evaluate((form: HTMLFormElement) =>
      [...new FormData(form).entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
    );
}

function multipart(fields: [string, string][]): FormData {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return body;
}

test("server actions answer an oversized, unmeasured or foreign post with a 4xx, never a 500", async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto(`/books/${FEATURED.slug}`);
  const fields = await formOf(page, /^Add to cart/);
  const url = `/books/${FEATURED.slug}`;
  const big = multipart([...fields, ["padding", "x".repeat(2 * 1024 * 1024)]]);
  const oversized = await request.post(url, { multipart: big, headers: { origin: baseURL! } });
  expect(oversized.status()).toBe(413);
  const foreign = await request.post(url, {
    multipart: multipart(fields),
    headers: { origin: "https://evil.test" },
  });
  expect(foreign.status()).toBe(403);
  const unmeasured = await slowUpload(`${baseURL}${url}`, {
    "content-type": "multipart/form-data; boundary=x",
    origin: baseURL!,
  });
  expect(unmeasured.status).toBe(411);
  expect(unmeasured.sentBytes).toBeLessThan(8 * 1024 * 1024);
});

test("admin pages print no words taken from a crafted link", async ({ page }) => {
  await actAsStaff(page, ADMIN, "/admin");
  const phrase = "Your session expired call 555 0100";
  const crafted = [
    `/admin/users?error=${encodeURIComponent(phrase)}`,
    `/admin/users?form=create&fe_password=${encodeURIComponent(phrase)}&fe_email=${encodeURIComponent(phrase)}`,
    `/admin/users?notice=created&target=${encodeURIComponent(phrase)}`,
    `/admin/tokens?notice=revoked&target=${encodeURIComponent(phrase)}`,
    `/admin/books/1/history?error=${encodeURIComponent(phrase)}&restored=${encodeURIComponent(phrase)}`,
    `/admin/books/1?saved=${encodeURIComponent(phrase)}`,
    `/admin/ratings?done=publish&rating=${encodeURIComponent(phrase)}&book=x`,
    `/admin/exchange?csv_error=${encodeURIComponent(phrase)}`,
    `/admin/sign-in?error=limited&retry=${encodeURIComponent(phrase)}`,
  ];
  for (const path of crafted) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(page.getByRole("main"), path).not.toContainText("555 0100");
  }
});

test("a huge CSV upload is refused as soon as it passes the cap", async ({ page, baseURL }) => {
  await actAsStaff(page, ADMIN, "/admin");
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const answer = await slowUpload(
    `${baseURL}/admin/exchange/csv-imports`,
    { "content-type": "multipart/form-data; boundary=x", origin: baseURL!, cookie },
    40 * 1024 * 1024,
  );
  expect(answer.status).toBe(303);
  expect(answer.location).toBe("/admin/exchange?csv_error=too_large");
  expect(answer.sentBytes).toBeLessThan(20 * 1024 * 1024);
});
