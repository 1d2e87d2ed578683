// npm run fonts:subset: writes the storefront's web fonts (app/_fonts) from the @fontsource
// variable fonts, keeping only the weights the store's styles use. The packages' files carry the
// whole weight axis (Literata 200-900, Inter 100-900): 157 KB for the three a page loads, fetched
// on a first visit at the priority of the page's own styles. The store sets text at 400-700 and
// its italic (subtitles, emphasis) at 400 only, so the axis is limited to 400-700 and the italic is
// pinned to 400: 86 KB. Same characters (the packages' `latin` subset) and every OpenType feature.
// Both fonts are under the SIL Open Font License without a reserved name, which permits this; the
// license goes along. scripts/ops/subset-fonts.test.ts fails when the committed files differ from
// what this writes (a new @fontsource release): run it again then.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import subsetFont from "subset-font";

const root = path.resolve(import.meta.dirname, "../..");
export const FONTS_DIR = path.join(root, "app/_fonts");
const PACKAGES = path.join(root, "node_modules/@fontsource-variable");

export const FONTS = [
  {
    file: "literata-latin-wght-400-700-normal.woff2",
    source: "literata/files/literata-latin-wght-normal.woff2",
    axes: { wght: { min: 400, max: 700 } },
  },
  {
    file: "literata-latin-wght-400-italic.woff2",
    source: "literata/files/literata-latin-wght-italic.woff2",
    axes: { wght: 400 },
  },
  {
    file: "inter-latin-wght-400-700-normal.woff2",
    source: "inter/files/inter-latin-wght-normal.woff2",
    axes: { wght: { min: 400, max: 700 } },
  },
];
export const LICENSES = [
  { file: "OFL-literata.txt", source: "literata/LICENSE" },
  { file: "OFL-inter.txt", source: "inter/LICENSE" },
];

/** The characters of the package's `latin` subset, read from its unicode-range. */
function latinCharacters(family) {
  const css = readFileSync(path.join(PACKAGES, family, "wght.css"), "utf8");
  const face = css.split("@font-face").find((block) => /-latin-wght-normal\.woff2/.test(block));
  const range = face && /unicode-range:\s*([^;]+);/.exec(face)?.[1];
  if (!range) throw new Error(`no latin unicode-range in @fontsource-variable/${family}/wght.css`);
  let text = "";
  for (const part of range.split(",")) {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    for (let code = parseInt(from, 16); code <= parseInt(to ?? from, 16); code++) {
      text += String.fromCodePoint(code);
    }
  }
  return text;
}

/** @returns {Promise<{ file: string, bytes: Buffer }[]>} */
export async function subsetFonts() {
  return Promise.all(
    FONTS.map(async ({ file, source, axes }) => {
      const family = source.split("/")[0];
      const bytes = await subsetFont(readFileSync(path.join(PACKAGES, source)), latinCharacters(family), {
        targetFormat: "woff2",
        variationAxes: axes,
      });
      return { file, bytes: Buffer.from(bytes) };
    }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const { file, bytes } of await subsetFonts()) {
    writeFileSync(path.join(FONTS_DIR, file), bytes);
    console.log(`app/_fonts/${file}: ${bytes.length} bytes`);
  }
  for (const { file, source } of LICENSES)
    copyFileSync(path.join(PACKAGES, source), path.join(FONTS_DIR, file));
}
