import { describe, expect, it } from "vitest";
import { COVER_MAX_BYTES, heightAt, sniffCover, variantWidths } from "./files";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array<number>(32).fill(0)]);

describe("sniffCover", () => {
  it("knows JPEG, PNG and WebP by their first bytes, whatever they are called", () => {
    expect(sniffCover(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ ok: true, source: "jpeg" });
    expect(sniffCover(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toEqual({
      ok: true,
      source: "png",
    });
    const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
    expect(sniffCover(webp)).toEqual({ ok: true, source: "webp" });
  });

  it("refuses anything else: text, GIF, a RIFF that is not WebP, nothing, too much", () => {
    expect(sniffCover(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toEqual({
      ok: false,
      problem: "not_image",
    });
    expect(sniffCover(new TextEncoder().encode("GIF89a......"))).toEqual({ ok: false, problem: "not_image" });
    expect(sniffCover(new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WAVEfmt "))).toEqual({
      ok: false,
      problem: "not_image",
    });
    expect(sniffCover(new Uint8Array())).toEqual({ ok: false, problem: "no_file" });
    expect(sniffCover(new Uint8Array(COVER_MAX_BYTES + 1))).toEqual({ ok: false, problem: "too_large" });
  });
});

describe("variantWidths", () => {
  it("makes every standard width below the image's, and its own up to 960", () => {
    expect(variantWidths(2400)).toEqual([160, 320, 480, 640, 960]);
    expect(variantWidths(600)).toEqual([160, 320, 480, 600]);
    expect(variantWidths(320)).toEqual([160, 320]);
    expect(variantWidths(200)).toEqual([160, 200]);
  });

  it("keeps the aspect ratio", () => {
    expect(heightAt({ width: 600, height: 900 }, 320)).toBe(480);
    expect(heightAt({ width: 1000, height: 1414 }, 160)).toBe(226);
  });
});
