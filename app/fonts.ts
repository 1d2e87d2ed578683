import localFont from "next/font/local";

// Fonts ship in npm packages: nothing is fetched at build or run time. Neither preloaded nor
// swapped in: the three files are 155 KB, three times the rest of a page, and preloaded they went
// out before the page's CSS and cover image (Lighthouse put the largest paint at about 3 s). With
// "optional" a page uses a font only if it is there within about 100 ms, so a first visit may show
// the size-adjusted fallback throughout, never a text that jumps; the next pages find it cached
// (docs/performance.md).
export const serif = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/literata/files/literata-latin-wght-normal.woff2",
      weight: "200 900",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/literata/files/literata-latin-wght-italic.woff2",
      weight: "200 900",
      style: "italic",
    },
  ],
  variable: "--font-serif",
  display: "optional",
  preload: false,
  fallback: ["Georgia", "Times New Roman", "serif"],
});

export const sans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  variable: "--font-sans",
  display: "optional",
  preload: false,
  fallback: ["system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
});
