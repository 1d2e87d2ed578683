// What an uploaded cover is, judged by its first bytes and never by its name or the browser's
// type (JPEG, PNG or WebP), and which widths the store makes of it. Pure: the decoding is in
// images.ts (sharp).

/** The largest cover file staff may upload. */
export const COVER_MAX_BYTES = 10 * 1024 * 1024;
/** Narrower than this cannot look sharp even on a card. */
export const COVER_MIN_WIDTH = 200;
/** Larger images are refused before decoding (a small file can claim a huge canvas). */
export const COVER_MAX_PIXELS = 40_000_000;
/** The widths pages choose from (srcset): cards at 1x and 2x, the product page up to 3x. */
export const COVER_WIDTHS = [160, 320, 480, 640, 960] as const;

export type CoverSource = "jpeg" | "png" | "webp";

export type CoverProblem =
  "no_file" | "too_large" | "not_image" | "corrupt" | "too_small" | "too_many_pixels";

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

/** The image type its magic bytes say, or why it is refused. */
export function sniffCover(
  bytes: Uint8Array,
): { ok: true; source: CoverSource } | { ok: false; problem: CoverProblem } {
  if (bytes.length === 0) return { ok: false, problem: "no_file" };
  if (bytes.length > COVER_MAX_BYTES) return { ok: false, problem: "too_large" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, source: "jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, source: "png" };
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return { ok: true, source: "webp" };
  return { ok: false, problem: "not_image" };
}

/** The widths made of an image `width` pixels wide: every standard one below it, and its own size up to the largest. */
export function variantWidths(width: number): number[] {
  const top = Math.min(width, COVER_WIDTHS[COVER_WIDTHS.length - 1]!);
  return [...new Set([...COVER_WIDTHS.filter((w) => w < top), top])];
}

/** The height of a variant `width` wide, keeping the cover's aspect ratio. */
export function heightAt(cover: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((cover.height * width) / cover.width));
}
