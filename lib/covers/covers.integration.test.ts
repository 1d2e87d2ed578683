// Uploaded covers over a real database, with real images made by sharp here: JPEG, PNG and WebP
// are stored with AVIF and WebP variants at the widths pages use, their aspect ratio kept; bad
// uploads (not an image, a renamed file, too large, a damaged image, too small) change nothing.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { loadSuggestions } from "@/lib/catalog/search/queries";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { COVER_MAX_BYTES } from "./files";
import { readCoverImage, removeCover, saveCover } from "./store";

/** A cover-like picture: a coloured field with a band, `width` × `height`. */
async function picture(format: "jpeg" | "png" | "webp", width: number, height: number): Promise<Uint8Array> {
  const band = await sharp({
    create: { width, height: Math.round(height / 5), channels: 3, background: "#f6e7e2" },
  })
    .png()
    .toBuffer();
  const image = sharp({ create: { width, height, channels: 3, background: "#8a2c1d" } }).composite([
    { input: band, top: Math.round(height / 3), left: 0 },
  ]);
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

describe.each(testEngines())("covers on %s", (engine) => {
  let db: TestDatabase;
  let bookId: number;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await db.prisma.$transaction(async (tx) => seedCatalog(tx, await readSeedCatalog()), { timeout: 60_000 });
    bookId = (await db.prisma.book.findUniqueOrThrow({ where: { slug: "mao-stalin-and-the-korean-war" } }))
      .id;
  });
  afterAll(async () => db?.destroy());

  const stored = async () => ({
    book: await db.prisma.book.findUniqueOrThrow({
      where: { id: bookId },
      select: { coverVersion: true, coverWidth: true, coverHeight: true, updatedAt: true },
    }),
    images: await db.prisma.coverImage.findMany({
      where: { bookId },
      select: { format: true, width: true, height: true, mediaType: true, byteSize: true, version: true },
      orderBy: [{ format: "asc" }, { width: "asc" }],
    }),
  });

  it("stores a JPEG with AVIF and WebP variants at each width, the aspect ratio kept", async () => {
    const jpeg = await picture("jpeg", 600, 900);
    const result = await saveCover(db.prisma, bookId, { bytes: jpeg, uploadedById: null });
    expect(result).toMatchObject({ ok: true, unchanged: false, cover: { width: 600, height: 900 } });
    const { book, images } = await stored();
    expect(book).toMatchObject({
      coverWidth: 600,
      coverHeight: 900,
    });
    expect(book.coverVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(images.map((i) => `${i.format} ${i.width}x${i.height} ${i.mediaType}`)).toEqual([
      "avif 160x240 image/avif",
      "avif 320x480 image/avif",
      "avif 480x720 image/avif",
      "avif 600x900 image/avif",
      "original 600x900 image/jpeg",
      "webp 160x240 image/webp",
      "webp 320x480 image/webp",
      "webp 480x720 image/webp",
      "webp 600x900 image/webp",
    ]);
    expect(new Set(images.map((i) => i.version))).toEqual(new Set([book.coverVersion]));
    // Autocomplete shows the uploaded cover, as the cards do.
    const [suggestion] = await loadSuggestions(db.prisma, "mao stalin");
    expect(suggestion?.cover).toEqual({ version: book.coverVersion, width: 600, height: 900 });
    // The variants are real images of the size they claim.
    const avif = await readCoverImage(db.prisma, bookId, "avif", 320);
    expect(await sharp(avif!.content).metadata()).toMatchObject({ format: "heif", width: 320, height: 480 });
    const webp = await readCoverImage(db.prisma, bookId, "webp", 160);
    expect(await sharp(webp!.content).metadata()).toMatchObject({ format: "webp", width: 160, height: 240 });
    // A width that was not made: the widest one.
    expect((await readCoverImage(db.prisma, bookId, "webp", 9999))?.content).toEqual(
      (await readCoverImage(db.prisma, bookId, "webp", 600))?.content,
    );
    // The same file again changes nothing.
    expect(await saveCover(db.prisma, bookId, { bytes: jpeg, uploadedById: null })).toMatchObject({
      ok: true,
      unchanged: true,
    });
  });

  it("replaces it with a PNG or a WebP of another shape, keeping only the new images", async () => {
    const before = (await stored()).book.coverVersion;
    expect(
      await saveCover(db.prisma, bookId, { bytes: await picture("png", 300, 400), uploadedById: null }),
    ).toMatchObject({
      ok: true,
      cover: { width: 300, height: 400 },
    });
    const afterPng = await stored();
    expect(afterPng.book.coverVersion).not.toBe(before);
    expect(afterPng.images.filter((i) => i.format === "webp").map((i) => `${i.width}x${i.height}`)).toEqual([
      "160x213",
      "300x400",
    ]);
    expect(
      await saveCover(db.prisma, bookId, { bytes: await picture("webp", 1600, 2400), uploadedById: null }),
    ).toMatchObject({
      ok: true,
      cover: { width: 1600, height: 2400 },
    });
    const { images } = await stored();
    expect(images.filter((i) => i.format === "avif").map((i) => i.width)).toEqual([160, 320, 480, 640, 960]);
    expect(images.find((i) => i.format === "original")).toMatchObject({
      mediaType: "image/webp",
      width: 1600,
    });
  });

  it("refuses bad uploads and changes nothing: not an image, renamed, too large, damaged, too small", async () => {
    const before = await stored();
    const jpeg = await picture("jpeg", 600, 900);
    const gif = await sharp({ create: { width: 300, height: 450, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    const cases: [string, Uint8Array, string][] = [
      ["a text file", new TextEncoder().encode("not a picture at all"), "not_image"],
      ["a GIF renamed cover.jpg (names are not looked at)", new Uint8Array(gif), "not_image"],
      [
        "an SVG",
        new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="450"/>'),
        "not_image",
      ],
      ["a file over the limit", new Uint8Array(COVER_MAX_BYTES + 1).fill(0xff), "too_large"],
      ["a JPEG cut in half", jpeg.slice(0, Math.floor(jpeg.length / 2)), "corrupt"],
      [
        "PNG bytes after a JPEG's first bytes",
        new Uint8Array([0xff, 0xd8, 0xff, ...(await picture("png", 300, 450))]),
        "corrupt",
      ],
      ["an image 120 pixels wide", await picture("png", 120, 180), "too_small"],
    ];
    for (const [name, bytes, problem] of cases) {
      expect(await saveCover(db.prisma, bookId, { bytes, uploadedById: null }), name).toEqual({
        ok: false,
        problem,
      });
    }
    expect(await stored()).toEqual(before);
  });

  it("removes it: the book is back to its generated cover", async () => {
    expect(await removeCover(db.prisma, bookId)).toEqual({
      slug: "mao-stalin-and-the-korean-war",
      removed: true,
    });
    expect((await stored()).book).toMatchObject({ coverVersion: null, coverWidth: null, coverHeight: null });
    expect((await stored()).images).toEqual([]);
    expect(await readCoverImage(db.prisma, bookId, "webp", 320)).toBeNull();
    expect(await removeCover(db.prisma, bookId)).toEqual({
      slug: "mao-stalin-and-the-korean-war",
      removed: false,
    });
  });
});
