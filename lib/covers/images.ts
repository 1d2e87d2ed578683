// Decodes an uploaded cover with sharp and makes the images pages use: AVIF and WebP at each of
// variantWidths, the aspect ratio kept. A file whose bytes say JPEG, PNG or WebP but which sharp
// cannot decode as that type is "corrupt". Metadata (EXIF with its camera and place) is dropped;
// the orientation it gave is applied first, so width and height are the upright image's.
import sharp from "sharp";
import {
  COVER_MAX_PIXELS,
  COVER_MIN_WIDTH,
  heightAt,
  sniffCover,
  variantWidths,
  type CoverProblem,
} from "./files";

export interface CoverVariant {
  format: "avif" | "webp";
  width: number;
  height: number;
  mediaType: "image/avif" | "image/webp";
  content: Buffer;
}

export interface MadeCover {
  source: "jpeg" | "png" | "webp";
  mediaType: string;
  width: number;
  height: number;
  variants: CoverVariant[];
}

const MEDIA_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

export async function makeCoverImages(
  bytes: Uint8Array,
): Promise<{ ok: true; cover: MadeCover } | { ok: false; problem: CoverProblem }> {
  const sniffed = sniffCover(bytes);
  if (!sniffed.ok) return sniffed;
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // failOn "error": a truncated or damaged file is refused instead of decoded as far as it goes.
  const open = () => sharp(input, { failOn: "error", limitInputPixels: COVER_MAX_PIXELS, animated: false });
  let width: number;
  let height: number;
  try {
    const meta = await open().metadata();
    if (meta.format !== sniffed.source) return { ok: false, problem: "corrupt" };
    if ((meta.width ?? 0) * (meta.height ?? 0) > COVER_MAX_PIXELS)
      return { ok: false, problem: "too_many_pixels" };
    // Decode the whole image once: metadata() reads only the header.
    const { info } = await open().rotate().raw().toBuffer({ resolveWithObject: true });
    width = info.width;
    height = info.height;
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      return { ok: false, problem: "too_many_pixels" };
    return { ok: false, problem: "corrupt" };
  }
  if (width < COVER_MIN_WIDTH) return { ok: false, problem: "too_small" };
  const variants: CoverVariant[] = [];
  for (const w of variantWidths(width)) {
    const h = heightAt({ width, height }, w);
    const resized = () => open().rotate().resize(w, h, { fit: "fill" });
    variants.push(
      {
        format: "avif",
        width: w,
        height: h,
        mediaType: "image/avif",
        content: await resized().avif({ quality: 55, effort: 3 }).toBuffer(),
      },
      {
        format: "webp",
        width: w,
        height: h,
        mediaType: "image/webp",
        content: await resized().webp({ quality: 78 }).toBuffer(),
      },
    );
  }
  return {
    ok: true,
    cover: { source: sniffed.source, mediaType: MEDIA_TYPES[sniffed.source], width, height, variants },
  };
}
