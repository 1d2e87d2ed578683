// The shop pages' text as staff edit it: one textarea, where a line starting with "## " is a
// heading and other text runs in paragraphs separated by a blank line. Stored as Article blocks,
// which the article pages render. Pure, and free of zod: the admin's client form imports it (zod
// probes for eval, which the admin's Content-Security-Policy reports).
import type { ArticleBlock } from "../shared/types";

/** The pages every page's footer links to, in its order (the footer reads no database). */
export const SHOP_PAGE_LINKS = [
  { slug: "about", label: "About us" },
  { slug: "contact", label: "Contact us" },
  { slug: "shipping-and-returns", label: "Shipping and returns" },
  { slug: "privacy", label: "Privacy" },
] as const;

const HEADING = /^##(\s+|$)/;

/** Blocks from the editor's text: "## " lines are headings, blank lines end paragraphs. */
export function blocksFromText(text: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (!line) flush();
    else if (HEADING.test(line)) {
      flush();
      const heading = line.replace(HEADING, "").trim();
      if (heading) blocks.push({ type: "heading", text: heading });
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** The editor's text for stored blocks (blocksFromText reads it back to the same blocks). */
export function textFromBlocks(blocks: ArticleBlock[]): string {
  return blocks.map((b) => (b.type === "heading" ? `## ${b.text}` : b.text)).join("\n\n");
}

export const SHOP_PAGE_LIMITS = { title: 120, excerpt: 300, body: 20_000 } as const;
