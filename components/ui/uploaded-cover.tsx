// A book's uploaded cover (lib/covers): AVIF for browsers that take it, WebP otherwise, at the
// width the layout needs (srcset/sizes). It fills the 2 / 3 box every cover slot reserves, and
// width and height give its aspect ratio before a byte arrives: nothing shifts as it loads. Below
// the fold it loads when scrolled near; the page's main cover is fetched first.
import { preload } from "react-dom";
import { coverImagePath, coverSrcSet, type CoverRef } from "@/lib/covers/urls";
import styles from "./uploaded-cover.module.css";

export interface UploadedCoverProps {
  slug: string;
  title: string;
  cover: CoverRef;
  /** The `sizes` of the place it is shown in (CARD_COVER_SIZES, PRODUCT_COVER_SIZES). */
  sizes: string;
  decorative?: boolean;
  /** The page's main image: fetched at high priority, never lazily. */
  priority?: boolean;
  /** In the first row of a list: fetched with the page, not when scrolled near. */
  eager?: boolean;
  className?: string;
}

/** A card in a list: two columns on phones, about 12rem beside others on wider screens. */
export const CARD_COVER_SIZES = "(max-width: 640px) 45vw, 12rem";
/** The home page's featured title: 13rem on phones, at most 18rem beside its text. */
export const HERO_COVER_SIZES = "(max-width: 700px) 13rem, 18rem";
/** The product page: 14rem on phones, at most 20rem beside the summary. */
export const PRODUCT_COVER_SIZES = "(max-width: 700px) 14rem, 20rem";

export function UploadedCover({
  slug,
  title,
  cover,
  sizes,
  decorative,
  priority,
  eager,
  className,
}: UploadedCoverProps) {
  // The page's main image: a preload in <head> starts it before the parser reaches the <img>. Of the
  // AVIF type only: a browser without AVIF skips it rather than fetch a file it will not use.
  if (priority) {
    preload(coverImagePath(slug, cover, "avif", 320), {
      as: "image",
      type: "image/avif",
      imageSrcSet: coverSrcSet(slug, cover, "avif"),
      imageSizes: sizes,
      fetchPriority: "high",
    });
  }
  return (
    <picture className={styles.picture}>
      <source type="image/avif" srcSet={coverSrcSet(slug, cover, "avif")} sizes={sizes} />
      <img
        src={coverImagePath(slug, cover, "webp", 320)}
        srcSet={coverSrcSet(slug, cover, "webp")}
        sizes={sizes}
        width={cover.width}
        height={cover.height}
        alt={decorative ? "" : `Cover of ${title}`}
        className={`${className ?? ""} ${styles.image}`}
        decoding="async"
        {...(priority ? { fetchPriority: "high" as const } : eager ? {} : { loading: "lazy" as const })}
      />
    </picture>
  );
}
