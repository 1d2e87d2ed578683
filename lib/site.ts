// Who the store is, for every page, feed and structured-data document.
import { getEnv } from "@/lib/env";

export const SITE_NAME = "Quire Books";
export const SITE_TAGLINE = "History, language learning and children's books, chosen with care.";
export const SITE_DESCRIPTION =
  "An independent online bookshop: Cold War history, bilingual Spanish–English wordbooks, phonics readers and more, as ebooks and paperbacks.";

/** An absolute URL on the configured SITE_URL (never the request's Host header). */
export function absoluteUrl(path: string): string {
  return new URL(path, `${getEnv().SITE_URL}/`).toString();
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "es" -> "Spanish" */
export function languageName(code: string): string {
  return languageNames.of(code) ?? code;
}

/** The lang attribute for a title: its first language when that is not the page's English. */
export function titleLang(languages: string[]): string | undefined {
  const first = languages[0];
  return first && first !== "en" ? first : undefined;
}

/** Who the store is, for structured data. */
export function siteInfo(): { name: string; url: string; logoUrl: string } {
  return { name: SITE_NAME, url: getEnv().SITE_URL, logoUrl: absoluteUrl("/icon.svg") };
}
