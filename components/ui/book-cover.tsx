// A typographic cover drawn from the book's own data: the catalog has no cover images, so each
// book gets a distinct, stable design (palette from its shelf, motif from its slug). Pages show it
// as an image, /covers/<slug>?v=<version> (app/covers/[slug]/route.ts): drawn once per version,
// kept by browsers and shared caches, never repeated in a page's HTML and RSC payload.
import { elWith, serializeXml, type XmlElement } from "@/lib/xml";

export interface CoverPalette {
  background: string;
  ink: string;
  accent: string;
  soft: string;
}

const PALETTES: Record<string, CoverPalette> = {
  history: { background: "#7b2418", ink: "#f7efe3", accent: "#e0b25a", soft: "#94382a" },
  childrens: { background: "#1f6f78", ink: "#fffaf0", accent: "#ffcf5c", soft: "#2a8590" },
  wordbooks: { background: "#f2c14e", ink: "#2a2118", accent: "#d6452f", soft: "#f6d27a" },
  phonics: { background: "#3f7d3a", ink: "#fffbe9", accent: "#ffd166", soft: "#4f9248" },
  religion: { background: "#2f3e5c", ink: "#f4efe6", accent: "#c9a86a", soft: "#3c4d70" },
  "language-learning": { background: "#1d3557", ink: "#f1faee", accent: "#e63946", soft: "#2a4a75" },
  communication: { background: "#5b3a6e", ink: "#fbf5ff", accent: "#f2a65a", soft: "#6d4a82" },
  geography: { background: "#b5482f", ink: "#fff8ef", accent: "#ffffff", soft: "#c65a40" },
  default: { background: "#2c4a3e", ink: "#f5f1e8", accent: "#d9a441", soft: "#37594b" },
};

/** Most specific shelf first: a wordbook is also a children's book. */
const SHELF_ORDER = [
  "wordbooks",
  "phonics",
  "history",
  "religion",
  "language-learning",
  "communication",
  "geography",
  "childrens",
];

function shelfOf(categorySlugs: string[]): string {
  return SHELF_ORDER.find((s) => categorySlugs.includes(s)) ?? "default";
}

/** The cover colours of a book, from its most specific shelf. */
export function coverPalette(categorySlugs: string[]): CoverPalette {
  return PALETTES[shelfOf(categorySlugs)] ?? PALETTES.default!;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Greedy word wrap by an average glyph width; good enough for a serif at cover sizes. */
export function wrapWords(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,.;:]+$/, "")}…`;
  return kept;
}

/** What a cover is drawn from. */
export interface CoverInput {
  slug: string;
  title: string;
  subtitle?: string | null;
  byline?: string | null;
  categorySlugs: string[];
  lang?: string;
}

const WIDTH = 300;
const HEIGHT = 450;
// Image documents cannot use the page's web fonts: the reader's own serif and sans.
const SERIF = "Literata, Georgia, 'Times New Roman', serif";
const SANS = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif";
/** Part of every cover's version: change it when the drawing changes, so caches fetch it anew. */
const DESIGN = "2";

/** A short hash of everything the drawing depends on (the ?v= of its address). */
export function coverVersion(cover: CoverInput): string {
  const inputs = [
    DESIGN,
    cover.slug,
    cover.title,
    cover.subtitle ?? "",
    cover.byline ?? "",
    shelfOf(cover.categorySlugs),
    cover.lang ?? "",
  ];
  return hash(inputs.join("\u0000")).toString(36);
}

/** The cover's address; the same version keeps the same bytes, so it may be cached for good. */
export function coverSrc(cover: CoverInput): string {
  return `/covers/${encodeURIComponent(cover.slug)}?v=${coverVersion(cover)}`;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

function motifOf(cover: CoverInput, palette: CoverPalette): XmlElement | null {
  const motif = hash(cover.slug) % 4;
  if (motif === 0) {
    return elWith(
      "g",
      { fill: "none", stroke: palette.soft, "stroke-width": "14" },
      [60, 100, 140, 180].map((r) =>
        elWith("circle", { cx: num(WIDTH - 30), cy: num(HEIGHT - 40), r: num(r) }),
      ),
    );
  }
  if (motif === 1) {
    return elWith(
      "g",
      { fill: palette.soft },
      Array.from({ length: 9 }, (_, i) =>
        elWith("rect", {
          x: num(-40 + i * 44),
          y: num(HEIGHT - 120),
          width: "22",
          height: "160",
          transform: `rotate(-24 ${i * 44} ${HEIGHT})`,
        }),
      ),
    );
  }
  if (motif === 2) {
    return elWith(
      "g",
      { fill: palette.soft },
      Array.from({ length: 36 }, (_, i) =>
        elWith("circle", {
          cx: num(42 + (i % 6) * 43),
          cy: num(HEIGHT - 150 + Math.floor(i / 6) * 24),
          r: "5",
        }),
      ),
    );
  }
  const initial = cover.title
    .replace(/[^\p{L}\p{N}]/gu, "")
    .charAt(0)
    .toUpperCase();
  return elWith(
    "text",
    {
      x: num(WIDTH - 18),
      y: num(HEIGHT - 26),
      "text-anchor": "end",
      "font-family": SERIF,
      "font-size": "220",
      "font-weight": "700",
      fill: palette.soft,
    },
    initial,
  );
}

/** The cover as an SVG document. Every text is escaped by the XML writer. */
export function coverSvg(cover: CoverInput): string {
  const palette = coverPalette(cover.categorySlugs);
  const { title } = cover;
  const titleSize = title.length <= 18 ? 36 : title.length <= 34 ? 30 : title.length <= 56 ? 25 : 21;
  const titleLines = wrapWords(title, Math.floor(236 / (titleSize * 0.55)), 5);
  const subtitleLines = cover.subtitle ? wrapWords(cover.subtitle, 30, 3) : [];
  const titleTop = 150;
  const subtitleTop = titleTop + titleLines.length * titleSize * 1.12 + 16;
  const svg = elWith(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: String(WIDTH),
      height: String(HEIGHT),
    },
    elWith(
      "defs",
      {},
      elWith(
        "linearGradient",
        { id: "spine", x1: "0", x2: "1", y1: "0", y2: "0" },
        elWith("stop", { offset: "0", "stop-color": "#000", "stop-opacity": "0.28" }),
        elWith("stop", { offset: "0.06", "stop-color": "#fff", "stop-opacity": "0.12" }),
        elWith("stop", { offset: "0.1", "stop-color": "#000", "stop-opacity": "0" }),
        elWith("stop", { offset: "1", "stop-color": "#000", "stop-opacity": "0.08" }),
      ),
    ),
    elWith("rect", { width: String(WIDTH), height: String(HEIGHT), fill: palette.background }),
    motifOf(cover, palette),
    elWith("rect", { x: "24", y: "40", width: "56", height: "6", fill: palette.accent }),
    elWith(
      "g",
      { ...(cover.lang ? { lang: cover.lang } : {}), "font-family": SERIF, fill: palette.ink },
      titleLines.map((line, i) =>
        elWith(
          "text",
          {
            x: "24",
            y: num(titleTop - (titleLines.length - 1) * 8 + i * titleSize * 1.12),
            "font-size": String(titleSize),
            "font-weight": "650",
          },
          line,
        ),
      ),
      subtitleLines.map((line, i) =>
        elWith(
          "text",
          {
            x: "24",
            y: num(subtitleTop + i * 19),
            "font-size": "15",
            "font-style": "italic",
            opacity: "0.92",
          },
          line,
        ),
      ),
    ),
    elWith(
      "text",
      {
        x: "24",
        y: num(HEIGHT - 28),
        "font-family": SANS,
        "font-size": "12.5",
        "font-weight": "600",
        "letter-spacing": "1.6",
        fill: palette.ink,
      },
      (cover.byline ?? "Quire Books").toUpperCase(),
    ),
    elWith("rect", { width: String(WIDTH), height: String(HEIGHT), fill: "url(#spine)" }),
  );
  return serializeXml(svg);
}

export interface BookCoverProps extends CoverInput {
  /** Cards repeat the title beside the cover: hide the cover from assistive technology there. */
  decorative?: boolean;
  /** The page's main image (the product page's cover, the home page's featured one): fetched first. */
  priority?: boolean;
  /** In the first row of a list: fetched with the page rather than when scrolled near. */
  eager?: boolean;
  className?: string;
}

export function BookCover({ decorative, priority, eager, className, ...cover }: BookCoverProps) {
  return (
    // No width and height attributes: every place a cover is shown sizes it in CSS (a width and
    // aspect-ratio 2 / 3), and on a list of 24 books the attributes cost 1.2 KB of HTML and payload.
    // eslint-disable-next-line @next/next/no-img-element -- an SVG drawn by the store, already at its final size
    <img
      src={coverSrc(cover)}
      alt={decorative ? "" : `Cover of ${cover.title}`}
      className={className}
      {...(priority ? { fetchPriority: "high" as const } : eager ? {} : { loading: "lazy" as const })}
    />
  );
}
