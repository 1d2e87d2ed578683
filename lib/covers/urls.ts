// The addresses of an uploaded cover's images, served by /covers/<slug> (app/covers/[slug]/route.ts).
// The version (a hash of the upload) is in every address: at the current version the bytes never
// change, so they are cached for a year; a new upload makes new addresses. Pure.
import { heightAt, variantWidths } from "./files";

/** What a page knows of a book's uploaded cover (BookSummary.cover). */
export interface CoverRef {
  version: string;
  width: number;
  height: number;
}

export type CoverImageFormat = "avif" | "webp" | "original";

export function coverImagePath(
  slug: string,
  cover: Pick<CoverRef, "version">,
  format: CoverImageFormat,
  width?: number,
): string {
  const params = new URLSearchParams({ v: cover.version, f: format });
  if (width && format !== "original") params.set("w", String(width));
  return `/covers/${encodeURIComponent(slug)}?${params.toString()}`;
}

/** A `srcset` of every width made, in one format. */
export function coverSrcSet(slug: string, cover: CoverRef, format: "avif" | "webp"): string {
  return variantWidths(cover.width)
    .map((w) => `${coverImagePath(slug, cover, format, w)} ${w}w`)
    .join(", ");
}

/** The cover's size at `width` CSS pixels (the img's width/height: its aspect ratio, for CLS 0). */
export function coverSizeAt(cover: CoverRef, width: number): { width: number; height: number } {
  return { width, height: heightAt(cover, width) };
}

/** The largest WebP made (at most 960 px wide): the image link previews and structured data name. */
export function coverSharePath(
  slug: string,
  cover: CoverRef,
): { path: string; width: number; height: number } {
  const width = variantWidths(cover.width).at(-1)!;
  return { path: coverImagePath(slug, cover, "webp", width), width, height: heightAt(cover, width) };
}
