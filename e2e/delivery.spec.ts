import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { downloadPath } from "../lib/ebooks/links";
import { DEMO_SESSION_SECRET } from "../lib/env";
import { actAsStaff, ADMIN } from "./support/admin";
import { FEATURED } from "./support/catalog";
import { startInbox, type Inbox } from "./support/mail";

// After the payment (issue BUY1): the featured ebook and a paperback bought to a US address with a
// state, with and without JavaScript. The order page gives the download and the shipping line, a
// real SMTP server receives one receipt with both, the EPUB downloads and passes epubcheck, an
// admin marks the paperback shipped and the shopper's second email arrives.
const WORDBOOK = { slug: "animales-wordbooks", title: "Animales Wordbooks" };
const TRACKING = "9400 1000 0000 0000 0000 00";
const run = promisify(execFile);

test.describe.configure({ mode: "serial", timeout: 120_000 });

let inbox: Inbox;
let receiptDownload: URL | null = null;

test.beforeAll(async ({ baseURL }) => {
  inbox = await startInbox(baseURL!);
});
test.afterAll(async () => inbox?.close());

async function addToCart(page: Page, slug: string) {
  await page.goto(`/books/${slug}`);
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page.getByRole("status")).toContainText("Added to your cart:");
}

async function epubcheck(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "e2e-epub-"));
  try {
    const file = path.join(dir, "download.epub");
    await writeFile(file, bytes);
    const { stdout } = await run("java", ["-jar", "/usr/share/java/epubcheck.jar", file], {
      timeout: 120_000,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`after the payment, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the ebook is delivered, the receipt arrives, the paperback ships", async ({ page, request }) => {
      const email = `journey-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.com`;
      await addToCart(page, FEATURED.slug);
      await addToCart(page, WORDBOOK.slug);

      // Shipping and tax are shown before paying, and follow the destination.
      await page.getByLabel("Ship to").selectOption("CA");
      await page.getByRole("button", { name: "Update", exact: true }).click();
      await expect(page.getByText("Shipping and tax are now for your new destination.")).toBeVisible();
      await expect(page.getByTestId("cart-shipping")).toHaveText("$9.99");
      await page.getByLabel("Ship to").selectOption("US");
      await page.getByRole("button", { name: "Update", exact: true }).click();
      await expect(page.getByTestId("cart-shipping")).toHaveText("$4.99");
      await expect(page.getByTestId("cart-tax")).toHaveText("$4.00");
      await expect(page.getByTestId("cart-total")).toHaveText("$58.97");

      await page.getByRole("button", { name: "Checkout" }).click();
      await expect(page.getByTestId("checkout-total")).toHaveText("$58.97");
      await expect(page.getByRole("group", { name: "Shipping address in United States" })).toBeVisible();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Full name").fill("Rosa Reader");
      await page.getByLabel("Address line 1").fill("12 Library Lane");
      await page.getByLabel("City").fill("Portland");
      await page.getByLabel("State").selectOption({ label: "Oregon" });
      await page.getByLabel("ZIP code").fill("97205");
      await page.getByRole("button", { name: "Pay $58.97" }).click();

      // The order page: paid, the download, the shipping line, the address in the US format.
      await expect(page.getByText("Status: Paid")).toBeVisible();
      const orderUrl = page.url();
      await expect(page.getByRole("link", { name: `Download ${FEATURED.title}` })).toBeVisible();
      await expect(page.getByText("5 of 5 downloads left")).toBeVisible();
      await expect(page.getByTestId("order-shipping")).toHaveText("$4.99");
      await expect(page.getByTestId("order-tax")).toHaveText("$4.00");
      await expect(page.getByText("PORTLAND, OR 97205")).toBeVisible();
      await expect(page.getByTestId("shipment")).toHaveText(
        "We are preparing your parcel. We will email you when it ships.",
      );

      // One receipt, with both books, the shipping line and the links.
      await expect.poll(() => inbox.to(email).length, { timeout: 30_000 }).toBe(1);
      const receipt = inbox.to(email)[0]!;
      expect(receipt.subject).toMatch(/^Your Quire Books order QB-\d{8}-\w{6}$/);
      expect(receipt.text).toContain(`1 × ${FEATURED.title} (Kindle Edition): $39.99`);
      expect(receipt.text).toContain(`1 × ${WORDBOOK.title} (Paperback): $9.99`);
      expect(receipt.text).toContain("Shipping (United States): $4.99");
      expect(receipt.text).toContain("Total paid: $58.97");
      expect(receipt.text).toContain(`Your order: ${orderUrl}`);
      expect(receipt.html).toContain(`Download ${FEATURED.title}`);

      // The receipt's link downloads the EPUB under the book's title, and it is a valid EPUB 3.
      const link = new URL(new RegExp(`${FEATURED.title}: (\\S+)`).exec(receipt.text ?? "")![1]!);
      receiptDownload = link;
      const download = await request.get(link.pathname + link.search);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("application/epub+zip");
      expect(download.headers()["content-disposition"]).toContain(`filename="${FEATURED.title}.epub"`);
      expect(download.headers()["cache-control"]).toBe("private, no-store");
      const bytes = await download.body();
      if (javaScriptEnabled) expect(await epubcheck(bytes)).toContain("No errors or warnings detected.");
      else expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
      await page.reload();
      await expect(page.getByText("4 of 5 downloads left")).toBeVisible();

      // An admin marks the paperback shipped; the shopper is emailed and the order page says so.
      await actAsStaff(page, ADMIN, "/admin/orders");
      await page.getByLabel("Order number or email").fill(email);
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page.getByRole("row", { name: /To ship/ })).toBeVisible();
      await page.getByRole("link", { name: /^QB-/ }).click();
      await page.getByLabel("Carrier").fill("USPS");
      await page.getByLabel("Tracking number").fill(TRACKING);
      await page.getByRole("button", { name: "Mark shipped and email the customer" }).click();
      await expect(
        page.getByText("Marked shipped; the shipping email to the customer is in the outbox."),
      ).toBeVisible();
      await expect(page.getByText(/1 of 5 downloads used/)).toBeVisible();

      await expect.poll(() => inbox.to(email).length, { timeout: 30_000 }).toBe(2);
      const shipped = inbox.to(email)[1]!;
      expect(shipped.subject).toMatch(/has shipped$/);
      expect(shipped.text).toContain(`1 × ${WORDBOOK.title} (Paperback)`);
      expect(shipped.text).toContain(`Carrier: USPS\nTracking number: ${TRACKING}`);

      await page.goto(orderUrl);
      await expect(page.getByTestId("shipment")).toContainText(`with USPS, tracking number ${TRACKING}`);
    });
  });
}

test("bad input gets a clear error and changes nothing", async ({ page, request }) => {
  // A forged link and an expired one (signed the way the store signs, but in the past).
  expect(receiptDownload).not.toBeNull();
  const grant = receiptDownload!.pathname.split("/").pop()!;
  const forged = await request.get(`/downloads/${grant}?expires=9999999999&signature=forged`);
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain("This download link is not valid");
  const expired = await request.get(
    downloadPath(grant, DEMO_SESSION_SECRET, new Date(Date.now() - 8 * 24 * 3600 * 1000)),
  );
  expect(expired.status()).toBe(410);
  expect(await expired.text()).toContain("This download link has expired");

  // An unknown country in the cart's destination form.
  await addToCart(page, WORDBOOK.slug);
  const total = await page.getByTestId("cart-total").textContent();
  await page.getByLabel("Ship to").evaluate((select) => {
    const option = document.createElement("option");
    option.value = "ZZ";
    option.textContent = "Nowhere";
    select.append(option);
    (select as HTMLSelectElement).value = "ZZ";
  });
  await page.getByRole("button", { name: "Update", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "We do not ship to that country. Choose one from the list.",
  );
  await expect(page.getByTestId("cart-total")).toHaveText(total!);

  // A wrong file type and an oversized file for the featured ebook: refused, the file kept.
  await actAsStaff(page, ADMIN, "/admin/books");
  await page.getByRole("link", { name: FEATURED.title }).first().click();
  const files = page.getByRole("region", { name: "Ebook files" });
  const fileInfo = files.getByText(/^(Sample made by the demo store|Uploaded|No file yet)/);
  const current = await fileInfo.textContent();
  await files.getByLabel(/Replace the file|Upload the file/).setInputFiles({
    name: "cover.epub",
    mimeType: "application/epub+zip",
    buffer: Buffer.from("\u0089PNG\r\n\u001a\nnot an ebook"),
  });
  await files.getByRole("button", { name: "Upload" }).click();
  await expect(files.getByRole("alert")).toContainText("That file is neither an EPUB nor a PDF");
  await files.getByLabel(/Replace the file|Upload the file/).setInputFiles({
    name: "huge.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(21 * 1024 * 1024, 0x25),
  });
  await files.getByRole("button", { name: "Upload" }).click();
  await expect(files.getByRole("alert")).toContainText("That file is larger than 20 MB: nothing was saved.");
  await expect(fileInfo).toHaveText(current!);
});
