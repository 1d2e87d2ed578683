// Open Graph images drawn with next/og from the book's own data and the local Literata .woff
// files (next/og rejects woff2; nothing is fetched at build or run time).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import type { CoverPalette } from "@/components/ui/book-cover";

export const OG_SIZE = { width: 1200, height: 630 };

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]> | undefined;

function loadFonts() {
  const dir = path.join(process.cwd(), "node_modules/@fontsource/literata/files");
  fonts ??= Promise.all([
    readFile(path.join(dir, "literata-latin-400-normal.woff")).then((data) => ({
      name: "Literata",
      data,
      weight: 400 as const,
      style: "normal" as const,
    })),
    readFile(path.join(dir, "literata-latin-700-normal.woff")).then((data) => ({
      name: "Literata",
      data,
      weight: 700 as const,
      style: "normal" as const,
    })),
  ]);
  return fonts;
}

export interface OgCard {
  eyebrow: string;
  title: string;
  subtitle?: string | null;
  byline?: string | null;
  footer?: string | null;
  palette: CoverPalette;
  siteName: string;
  /** The store's own card: its cover panel shows the store's mark, not the title a second time. */
  storeMark?: boolean;
}

// app/icon.svg's open book, drawn large in the cover panel's ink.
const STORE_MARK_PATH =
  "M8 9.5c3-1.4 5.6-1.4 8 0v14c-2.4-1.4-5-1.4-8 0zM24 9.5c-3-1.4-5.6-1.4-8 0v14c2.4-1.4 5-1.4 8 0z";

export async function ogImage(card: OgCard): Promise<ImageResponse> {
  const { palette } = card;
  const titleSize = card.title.length > 60 ? 54 : card.title.length > 36 ? 64 : 76;
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        background: "#fbf8f3",
        fontFamily: "Literata",
      }}
    >
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          width: 380,
          margin: 50,
          padding: 36,
          background: palette.background,
          color: palette.ink,
          borderRadius: 10,
          boxShadow: "0 20px 40px rgba(0,0,0,0.25)",
        }}
      >
        <div style={{ display: "flex", width: 70, height: 8, background: palette.accent }} />
        {card.storeMark ? (
          <svg width="308" height="308" viewBox="4 4 24 24">
            <path d={STORE_MARK_PATH} fill={palette.ink} />
          </svg>
        ) : (
          <div style={{ display: "flex", fontSize: 40, fontWeight: 700, lineHeight: 1.1 }}>
            {card.title.slice(0, 80)}
          </div>
        )}
        <div style={{ display: "flex", fontSize: 18, letterSpacing: 2 }}>
          {card.storeMark ? "" : (card.byline ?? card.siteName).toUpperCase()}
        </div>
      </div>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          justifyContent: "center",
          flex: 1,
          padding: "50px 60px 50px 10px",
          color: "#1f1d1a",
        }}
      >
        <div style={{ display: "flex", fontSize: 24, color: "#2c5a4c", letterSpacing: 3 }}>
          {card.eyebrow.toUpperCase()}
        </div>
        <div
          style={{ display: "flex", fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, marginTop: 16 }}
        >
          {card.title.slice(0, 110)}
        </div>
        {card.subtitle ? (
          <div style={{ display: "flex", fontSize: 32, color: "#5a544b", marginTop: 18 }}>
            {card.subtitle.slice(0, 120)}
          </div>
        ) : null}
        {card.footer ? (
          <div style={{ display: "flex", fontSize: 30, marginTop: 30, color: "#8a2c1d", fontWeight: 700 }}>
            {card.footer}
          </div>
        ) : null}
        {card.storeMark ? null : (
          <div style={{ display: "flex", fontSize: 26, marginTop: 36, color: "#5a544b" }}>
            {card.siteName}
          </div>
        )}
      </div>
    </div>,
    { ...OG_SIZE, fonts: await loadFonts() },
  );
}
