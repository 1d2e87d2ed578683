import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONTS, FONTS_DIR, LICENSES, subsetFonts } from "./subset-fonts.mjs";

describe("the storefront's web fonts (app/_fonts)", () => {
  it("are what npm run fonts:subset makes from the installed @fontsource packages", async () => {
    const made = await subsetFonts();
    expect(made.map((font) => font.file)).toEqual(FONTS.map((font) => font.file));
    for (const { file, bytes } of made) {
      const committed = readFileSync(path.join(FONTS_DIR, file));
      expect(committed.equals(bytes), `${file} differs: run npm run fonts:subset`).toBe(true);
      expect(committed.subarray(0, 4).toString("latin1")).toBe("wOF2");
    }
    // Well below the packages' 157 KB: the point of cutting them.
    expect(made.reduce((sum, font) => sum + font.bytes.length, 0)).toBeLessThan(100_000);
  });

  it("go with their license", () => {
    for (const { file } of LICENSES) {
      const license = path.join(FONTS_DIR, file);
      expect(existsSync(license), file).toBe(true);
      expect(readFileSync(license, "utf8")).toContain("SIL Open Font License, Version 1.1");
    }
  });
});
