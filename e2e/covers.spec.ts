import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { actAsStaff, createDraft, openEditor } from "./support/admin";

// Uploaded covers, as staff upload them (a plain form: JavaScript off) and as shoppers get them.
// The images are made here with sharp. The seed book used gets its generated cover back at the end.
test.describe.configure({ timeout: 120_000 });
// The pages and the writer are the same on both databases (integration tests cover both engines'
// storage): one is enough, and keeps npm test's time down.
test.beforeEach(() => test.skip(test.info().project.name !== "pglite", "one database is enough"));

const BOOK = { slug: "the-secrets-of-chaplaincy", title: "The Secrets of Chaplaincy" };

async function picture(format: "jpeg" | "png" | "gif", width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#23395d" } })
    .composite([
      {
        input: await sharp({ create: { width, height: height >> 2, channels: 3, background: "#c9a227" } })
          .png()
          .toBuffer(),
        top: height >> 1,
        left: 0,
      },
    ])
    .toFormat(format)
    .toBuffer();
}

const coverSection = (page: Page) => page.getByRole("region", { name: "Cover" });

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await coverSection(page)
    .getByLabel(/(Upload a|Replace the) cover/)
    .setInputFiles({ name, mimeType, buffer });
  await coverSection(page).getByRole("button", { name: "Upload", exact: true }).click();
  await page.waitForURL(/[?&]cover=/);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("bad uploads say why next to the field and change nothing; a good one is what shoppers see", async ({
    page,
    request,
  }) => {
    await actAsStaff(page);
    const editor = await openEditor(page, BOOK.slug, BOOK.title);
    await expect(coverSection(page)).toContainText("No uploaded cover");
    const jpeg = await picture("jpeg", 600, 900);

    const bad: [string, string, Buffer, RegExp][] = [
      [
        "notes.jpg",
        "image/jpeg",
        Buffer.from("not a picture, whatever the name says"),
        /not a JPEG, PNG or WebP/,
      ],
      ["cover.png", "image/png", await picture("gif", 600, 900), /not a JPEG, PNG or WebP/],
      ["huge.jpg", "image/jpeg", Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]), /larger than 10 MB/],
      ["half.jpg", "image/jpeg", jpeg.subarray(0, jpeg.length >> 1), /damaged/],
      ["tiny.png", "image/png", await picture("png", 120, 180), /narrower than 200 pixels/],
    ];
    for (const [name, type, bytes, message] of bad) {
      await upload(page, name, type, bytes);
      const field = coverSection(page).getByLabel("Upload a cover");
      await expect(field, name).toHaveAttribute("aria-invalid", "true");
      await expect(coverSection(page).getByRole("alert"), name).toHaveText(message);
      await expect(coverSection(page), name).toContainText("No uploaded cover");
    }
    const before = await request.get(`/books/${BOOK.slug}`);
    expect(await before.text()).not.toContain("<picture");

    // A JPEG named .png: judged by its content, it is stored as the JPEG it is.
    await upload(page, "cover.png", "image/png", jpeg);
    await expect(coverSection(page).getByRole("status")).toHaveText(/Cover uploaded/);
    await expect(coverSection(page)).toContainText("JPEG, 600 × 900 pixels");

    await page.goto(`/books/${BOOK.slug}`);
    const main = page.getByRole("main");
    const cover = main.getByRole("img", { name: `Cover of ${BOOK.title}` });
    await expect(cover).toHaveAttribute("width", "600");
    await expect(cover).toHaveAttribute("height", "900");
    // The page's main image: fetched first, never lazily; AVIF offered first, in every width made.
    await expect(cover).toHaveAttribute("fetchpriority", "high");
    await expect(cover).not.toHaveAttribute("loading", "lazy");
    const avif = main.locator('picture source[type="image/avif"]').first();
    const srcset = (await avif.getAttribute("srcset")) ?? "";
    expect(srcset.split(", ").map((s) => s.split(" ")[1])).toEqual(["160w", "320w", "480w", "600w"]);
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const head = await page.locator("head").innerHTML();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(head)?.[1] ?? "";
    expect(image).toMatch(/\/covers\/the-secrets-of-chaplaincy\?v=[0-9a-f]{16}&amp;f=webp&amp;w=600$/);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "[]",
    ) as { "@type": string; image?: string }[];
    expect(jsonLd.find((node) => node["@type"] === "Product")?.image).toBe(image.replace(/&amp;/g, "&"));

    // Every variant is an immutable, long-cached image of the type it says.
    const variant = srcset.split(", ")[1]!.split(" ")[0]!;
    const response = await request.get(variant);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/avif");
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await sharp(await response.body()).metadata()).width).toBe(320);

    // Removing it brings the generated cover back.
    await page.goto(editor);
    await coverSection(page).getByRole("button", { name: "Remove the cover" }).click();
    await expect(coverSection(page).getByRole("status")).toHaveText(/generated cover again/);
    expect(await (await request.get(`/books/${BOOK.slug}`)).text()).not.toContain("<picture");
    expect((await request.get(variant)).status()).toBe(404);
  });
});

test("a draft's preview is for staff only, never cached, and its cover is not public", async ({
  page,
  browser,
  request,
}) => {
  await actAsStaff(page);
  const { path, slug } = await createDraft(page, `Preview Proof ${Date.now()}`);
  await page.goto(path);
  await upload(page, "cover.jpg", "image/jpeg", await picture("jpeg", 400, 600));
  await page.getByRole("link", { name: "Preview as the store shows it" }).click();
  await page.waitForURL(/\/preview\/books\/\d+$/);
  const preview = new URL(page.url()).pathname;
  expect(preview).toMatch(/^\/preview\/books\/\d+$/);
  await expect(page.getByRole("status")).toContainText("This is a draft");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Preview Proof/);
  const cover = page.getByRole("main").getByRole("img", { name: /^Cover of Preview Proof/ });
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const src = await cover.evaluate((img: HTMLImageElement) => img.currentSrc);

  const answer = await page.request.get(preview);
  expect(answer.headers()["cache-control"]).toMatch(/private/);
  expect(answer.headers()["cache-control"]).toMatch(/no-store/);
  expect(await answer.text()).toMatch(/<meta name="robots" content="noindex, nofollow"/);
  expect((await page.request.get(src)).headers()["cache-control"]).toBe("private, no-store");

  // Anyone else: the sign-in page (and back to the preview after it), a 404 for the book and its cover.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(preview);
  await expect(other).toHaveURL(/\/admin\/sign-in\?next=%2Fpreview%2Fbooks%2F\d+$/);
  expect((await request.get(`/books/${slug}`)).status()).toBe(404);
  expect((await request.get(new URL(src).pathname + new URL(src).search)).status()).toBe(404);
  await stranger.close();
});
