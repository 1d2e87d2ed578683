import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { actAsStaff, openEditor } from "./support/admin";
import { FEATURED } from "./support/catalog";

// npm run db:backup while the PostgreSQL e2e store serves (an operator's nightly dump), then
// npm run db:restore into an EMPTY database, and a second store started on the restored copy: it
// serves the same product page (with the cover staff uploaded), the same order page by its token,
// the same cover and ebook bytes. lib/db/backup.integration.test.ts runs the commands on both
// databases (PGlite's store must be stopped to be backed up), with their refusals.
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.beforeEach(() => test.skip(test.info().project.name !== "postgres", "PostgreSQL only"));

const root = path.resolve(import.meta.dirname, "..");
const execFileAsync = promisify(execFile);
const BOOK = { slug: "lets-learn-russian", title: "Let's Learn Russian" };
const WORDBOOK = "animales-wordbooks";

/** The e2e server's own database (scripts/test/e2e-server.mjs), and a name beside it. */
function databaseUrl(baseURL: string, suffix = ""): string {
  const url = new URL(process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:54329/postgres");
  url.pathname = `/bookstore_e2e_${new URL(baseURL).port}${suffix}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:54329/postgres",
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function dbCommand(databaseUrlValue: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/ops/db-backup.ts", ...args],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrlValue }, timeout: 120_000 },
  );
  return stdout;
}

async function buy(page: Page): Promise<string> {
  for (const slug of [FEATURED.slug, WORDBOOK]) {
    await page.goto(`/books/${slug}`);
    await page.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(page.getByRole("status")).toContainText("Added to your cart:");
  }
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.getByLabel("Email").fill(`backup-${Date.now()}@example.com`);
  await page.getByLabel("Full name").fill("Rosa Reader");
  await page.getByLabel("Address line 1").fill("12 Library Lane");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State").selectOption({ label: "Oregon" });
  await page.getByLabel("ZIP code").fill("97205");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Status: Paid")).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * The page as served, without what differs per request (CSP nonces) and Next's font size-adjust
 * marker, which one server's render of a page carried and the other's did not: it is no data.
 */
async function html(api: APIRequestContext, url: string): Promise<string> {
  const response = await api.get(url);
  expect(response.status(), url).toBe(200);
  const text = await response.text();
  // The page's nonce is in its attributes and in its RSC payload too.
  const nonce = / nonce="([^"]+)"/.exec(text)?.[1];
  return (nonce ? text.split(nonce).join("nonce") : text).replace(
    '<meta name="next-size-adjust" content=""/>',
    "",
  );
}

/** Where two pages first differ, with some context either side; "" when they are the same. */
function difference(expected: string, received: string): string {
  if (expected === received) return "";
  let at = 0;
  while (expected[at] === received[at]) at++;
  const near = (text: string) => text.slice(Math.max(0, at - 200), at + 200);
  return `at ${at}:\n  source:   ${near(expected)}\n  restored: ${near(received)}`;
}

const coverSection = (page: Page) => page.getByRole("region", { name: "Cover" });

test("a store restored from its backup into an empty database serves the same pages", async ({
  page,
  baseURL,
}) => {
  // What a store holds: an uploaded cover, a paid order, its ebook (downloaded once, so its file is stored).
  await actAsStaff(page);
  const editor = await openEditor(page, BOOK.slug, BOOK.title);
  const jpeg = await sharp({ create: { width: 400, height: 600, channels: 3, background: "#5d2339" } })
    .jpeg()
    .toBuffer();
  await coverSection(page)
    .getByLabel(/(Upload a|Replace the) cover/)
    .setInputFiles({ name: "cover.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await coverSection(page).getByRole("button", { name: "Upload", exact: true }).click();
  await expect(coverSection(page).getByRole("status")).toHaveText(/Cover uploaded/);
  await page.context().clearCookies();
  const orderPath = await buy(page);
  const download = (await page
    .getByRole("link", { name: `Download ${FEATURED.title}` })
    .getAttribute("href"))!;

  const source = await playwrightRequest.newContext({ baseURL });
  const restoredPort = Number(new URL(baseURL!).port) + 9;
  const restored = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${restoredPort}` });
  const dir = await mkdtemp(path.join(tmpdir(), "e2e-backup-"));
  const distDir = `.next-e2e-restored-${restoredPort}`;
  const target = databaseUrl(baseURL!, "_restored");
  let server: ChildProcess | null = null;
  try {
    expect((await source.get(download)).status()).toBe(200);

    // The backup, taken while the store serves; the restore, into a database just created.
    const file = path.join(dir, "store.dump");
    const backup = await dbCommand(databaseUrl(baseURL!), "backup", "--out", file);
    expect(backup).toMatch(/orders +[1-9]\d*\n/);
    expect(backup).toMatch(/cover images +[1-9]\d*\n/);
    await adminQuery(`DROP DATABASE IF EXISTS "${new URL(target).pathname.slice(1)}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${new URL(target).pathname.slice(1)}"`);
    const restore = await dbCommand(target, "restore", file);
    expect(restore).toContain("migrations applied   none");
    const counts = (text: string) => text.slice(text.indexOf("rows:"));
    expect(counts(restore)).toBe(counts(backup));

    // A second store on the restored database: the same build, a page cache of its own, the same
    // SITE_URL (pages carry absolute links).
    rmSync(path.join(root, distDir), { recursive: true, force: true });
    cpSync(path.join(root, process.env.E2E_BUILD_DIR || ".next-e2e-build"), path.join(root, distDir), {
      recursive: true,
    });
    server = spawn(process.execPath, ["server.mjs"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        STORE_MODE: "demo",
        DATABASE_URL: target,
        NEXT_DIST_DIR: distDir,
        PORT: String(restoredPort),
        HOST: "127.0.0.1",
        SITE_URL: baseURL!,
        SMTP_URL: `smtp://127.0.0.1:${restoredPort + 4}`,
      },
      stdio: "ignore",
    });
    await expect
      .poll(async () => (await restored.get("/api/ready").catch(() => null))?.status(), { timeout: 60_000 })
      .toBe(200);

    // The same pages, byte for byte but for the nonces: the book with its uploaded cover, and the
    // order by its token (the token still opens it, showing the same downloads left).
    const bookPage = await html(source, `/books/${BOOK.slug}`);
    expect(bookPage).toContain("<picture");
    expect(difference(bookPage, await html(restored, `/books/${BOOK.slug}`))).toBe("");
    const orderPage = await html(source, orderPath);
    expect(orderPage).toContain("Status: <strong>Paid</strong>");
    // Its download links are signed afresh at each render, with the time they expire.
    const unsigned = (page: string) =>
      page.replace(/expires=\d+(&amp;|&|\\u0026)signature=[\w-]+/g, "expires=…");
    expect(difference(unsigned(orderPage), unsigned(await html(restored, orderPath)))).toBe("");

    // The cover and the ebook are the same bytes (through the link issued before the backup: the
    // restored store runs with the same SESSION_SECRET, as docs/deploy.md says it must).
    const coverUrl = /<img[^>]+src="([^"]*\/covers\/[^"]+)"/.exec(bookPage)![1]!.replace(/&amp;/g, "&");
    const coverResponse = await source.get(coverUrl);
    expect(coverResponse.headers()["content-type"]).toMatch(/^image\//);
    const cover = await coverResponse.body();
    expect(cover.length).toBeGreaterThan(0);
    expect(await (await restored.get(coverUrl)).body()).toEqual(cover);
    const ebook = await source.get(download);
    expect(ebook.headers()["content-type"]).toBe("application/epub+zip");
    const restoredEbook = await restored.get(download);
    expect(restoredEbook.status()).toBe(200);
    expect(await restoredEbook.body()).toEqual(await ebook.body());
  } finally {
    server?.kill("SIGTERM");
    await source.dispose();
    await restored.dispose();
    await rm(dir, { recursive: true, force: true });
    rmSync(path.join(root, distDir), { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS "${new URL(target).pathname.slice(1)}" WITH (FORCE)`).catch(
      () => {},
    );
    // The e2e store's other specs find the book as the seed made it.
    await actAsStaff(page, undefined, editor);
    await coverSection(page).getByRole("button", { name: "Remove the cover" }).click();
    await expect(coverSection(page).getByRole("status")).toHaveText(/generated cover again/);
  }
});
