// One way to describe a page to crawlers and link previews: title, description, absolute
// canonical URL, Open Graph and Twitter tags. (Next replaces a parent's openGraph object rather
// than merging it, so every page passes through here.)
import type { Metadata } from "next";
import { absoluteUrl, SITE_NAME } from "@/lib/site";

export interface PageDescription {
  title: string;
  description: string;
  /** The canonical path with its canonical query, e.g. "/books?language=es". */
  path: string;
  type?: "website" | "article" | "book";
  /** The Open Graph image path (an /og/ route), for og:image and twitter:image. */
  imagePath?: string;
  /** Its size in pixels, when it is not an /og/ route's 1200 × 630 (an uploaded cover). */
  imageSize?: { width: number; height: number };
  /** Search results and other thin pages: crawl the links, keep the page out of the index. */
  noindex?: boolean;
  publishedTime?: string | null;
  modifiedTime?: string | null;
}

export function pageMetadata(page: PageDescription): Metadata {
  const url = absoluteUrl(page.path);
  const images = page.imagePath
    ? [{ url: absoluteUrl(page.imagePath), ...(page.imageSize ?? { width: 1200, height: 630 }) }]
    : undefined;
  return {
    title: page.title,
    description: page.description,
    alternates: { canonical: url },
    openGraph: {
      type: page.type ?? "website",
      url,
      title: page.title,
      description: page.description,
      siteName: SITE_NAME,
      locale: "en_US",
      ...(images ? { images } : {}),
      ...(page.type === "article" && page.publishedTime ? { publishedTime: page.publishedTime } : {}),
      ...(page.type === "article" && page.modifiedTime ? { modifiedTime: page.modifiedTime } : {}),
    },
    twitter: {
      card: "summary_large_image",
      title: page.title,
      description: page.description,
      ...(images ? { images: images.map((i) => i.url) } : {}),
    },
    ...(page.noindex ? { robots: { index: false, follow: true } } : {}),
  };
}

/** A description cut to about 160 characters at a word boundary. */
export function metaDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 30)).replace(/[\s,.;:]+$/, "")}…`;
}

/**
 * A list page's title for a shelf: "History books", but "Children's Books" and "Wordbooks" as they
 * are (a name that already says books does not get the word twice).
 */
export function shelfTitle(name: string): string {
  return /books?$/i.test(name.trim()) ? name.trim() : `${name.trim()} books`;
}
