// A typographic cover drawn from the book's own data, for every book without an uploaded one
// (lib/covers): each gets a distinct, stable design (palette from its shelf, motif from its slug).
import { UploadedCover, type UploadedCoverProps } from "./uploaded-cover";

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

/** The cover colours of a book, from its most specific shelf. */
export function coverPalette(categorySlugs: string[]): CoverPalette {
  const shelf = SHELF_ORDER.find((s) => categorySlugs.includes(s)) ?? "default";
  return PALETTES[shelf] ?? PALETTES.default!;
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

export interface BookCoverProps {
  slug: string;
  title: string;
  subtitle?: string | null;
  byline?: string | null;
  categorySlugs: string[];
  lang?: string;
  /** Cards repeat the title beside the cover: hide the cover from assistive technology there. */
  decorative?: boolean;
  className?: string;
  /** An uploaded cover replaces the drawn one (components/ui/uploaded-cover). */
  uploaded?: Omit<UploadedCoverProps, "slug" | "title" | "decorative" | "className"> | null;
}

const WIDTH = 300;
const HEIGHT = 450;

export function BookCover({
  slug,
  title,
  subtitle,
  byline,
  categorySlugs,
  lang,
  decorative,
  className,
  uploaded,
}: BookCoverProps) {
  if (uploaded) {
    return (
      <UploadedCover slug={slug} title={title} decorative={decorative} className={className} {...uploaded} />
    );
  }
  const palette = coverPalette(categorySlugs);
  const seed = hash(slug);
  const motif = seed % 4;

  const titleSize = title.length <= 18 ? 36 : title.length <= 34 ? 30 : title.length <= 56 ? 25 : 21;
  const titleLines = wrapWords(title, Math.floor(236 / (titleSize * 0.55)), 5);
  const subtitleLines = subtitle ? wrapWords(subtitle, 30, 3) : [];
  const titleTop = 150;
  const subtitleTop = titleTop + titleLines.length * titleSize * 1.12 + 16;
  const id = `cover-${slug}`;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={className}
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : `Cover of ${title}`}
      aria-hidden={decorative ? true : undefined}
      focusable="false"
      preserveAspectRatio="xMidYMid meet"
    >
      <defs>
        <linearGradient id={`${id}-spine`} x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" stopColor="#000" stopOpacity="0.28" />
          <stop offset="0.06" stopColor="#fff" stopOpacity="0.12" />
          <stop offset="0.1" stopColor="#000" stopOpacity="0" />
          <stop offset="1" stopColor="#000" stopOpacity="0.08" />
        </linearGradient>
      </defs>
      <rect width={WIDTH} height={HEIGHT} fill={palette.background} />
      {motif === 0 && (
        <g fill="none" stroke={palette.soft} strokeWidth="14">
          {[60, 100, 140, 180].map((r) => (
            <circle key={r} cx={WIDTH - 30} cy={HEIGHT - 40} r={r} />
          ))}
        </g>
      )}
      {motif === 1 && (
        <g fill={palette.soft}>
          {Array.from({ length: 9 }, (_, i) => (
            <rect
              key={i}
              x={-40 + i * 44}
              y={HEIGHT - 120}
              width="22"
              height="160"
              transform={`rotate(-24 ${i * 44} ${HEIGHT})`}
            />
          ))}
        </g>
      )}
      {motif === 2 && (
        <g fill={palette.soft}>
          {Array.from({ length: 36 }, (_, i) => (
            <circle key={i} cx={42 + (i % 6) * 43} cy={HEIGHT - 150 + Math.floor(i / 6) * 24} r="5" />
          ))}
        </g>
      )}
      {motif === 3 && (
        <text
          x={WIDTH - 18}
          y={HEIGHT - 26}
          textAnchor="end"
          style={{ fontFamily: "var(--font-serif-stack)" }}
          fontSize="220"
          fontWeight="700"
          fill={palette.soft}
        >
          {title
            .replace(/[^\p{L}\p{N}]/gu, "")
            .charAt(0)
            .toUpperCase()}
        </text>
      )}
      <rect x="24" y="40" width="56" height="6" fill={palette.accent} />
      <g lang={lang} style={{ fontFamily: "var(--font-serif-stack)" }} fill={palette.ink}>
        {titleLines.map((line, i) => (
          <text
            key={i}
            x="24"
            y={titleTop - (titleLines.length - 1) * 8 + i * titleSize * 1.12}
            fontSize={titleSize}
            fontWeight="650"
          >
            {line}
          </text>
        ))}
        {subtitleLines.map((line, i) => (
          <text key={`s${i}`} x="24" y={subtitleTop + i * 19} fontSize="15" fontStyle="italic" opacity="0.92">
            {line}
          </text>
        ))}
      </g>
      <text
        x="24"
        y={HEIGHT - 28}
        style={{ fontFamily: "var(--font-sans-stack)" }}
        fontSize="12.5"
        fontWeight="600"
        letterSpacing="1.6"
        fill={palette.ink}
      >
        {(byline ?? "Quire Books").toUpperCase()}
      </text>
      <rect width={WIDTH} height={HEIGHT} fill={`url(#${id}-spine)`} />
    </svg>
  );
}
