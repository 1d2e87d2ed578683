import localFont from "next/font/local";

// Fonts ship in the repository, cut from npm packages by `npm run fonts:subset` to the weights the
// store's styles use (scripts/ops/subset-fonts.mjs: 86 KB instead of the packages' 157 KB);
// nothing is fetched at build or run time. Neither preloaded nor swapped in: preloaded they went
// out before the page's CSS and cover image (Lighthouse put the largest paint at about 3 s). With
// "optional" a page uses a font only if it is there within about 100 ms, so a first visit may show
// the size-adjusted fallback throughout, never a text that jumps; the next pages find it cached
// (docs/performance.md).
export const serif = localFont({
  src: [
    { path: "./_fonts/literata-latin-wght-400-700-normal.woff2", weight: "400 700", style: "normal" },
    { path: "./_fonts/literata-latin-wght-400-italic.woff2", weight: "400", style: "italic" },
  ],
  variable: "--font-serif",
  display: "optional",
  preload: false,
  fallback: ["Georgia", "Times New Roman", "serif"],
});

export const sans = localFont({
  src: "./_fonts/inter-latin-wght-400-700-normal.woff2",
  weight: "400 700",
  variable: "--font-sans",
  display: "optional",
  preload: false,
  fallback: ["system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
});
