import { describe, expect, it } from "vitest";
import { CSV_IMPORT_MAX_BYTES, decodeUpload } from "./import-jobs";

describe("decodeUpload", () => {
  it("keeps a UTF-8 file as it is, BOM and accents included", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("title\nCien años")]);
    expect(decodeUpload(bytes)).toEqual({ ok: true, text: "\uFEFFtitle\nCien años" });
  });

  it("refuses empty, oversized, non-UTF-8 and binary files", () => {
    expect(decodeUpload(new Uint8Array())).toEqual({ ok: false, problem: "no_file" });
    expect(decodeUpload(new Uint8Array(CSV_IMPORT_MAX_BYTES + 1))).toEqual({
      ok: false,
      problem: "too_large",
    });
    // "años" in Latin-1, as a spreadsheet's "CSV (Windows)" saves it.
    expect(decodeUpload(new Uint8Array([0x61, 0xf1, 0x6f, 0x73]))).toEqual({
      ok: false,
      problem: "not_utf8",
    });
    expect(decodeUpload(new Uint8Array([0x61, 0x00, 0x62]))).toEqual({ ok: false, problem: "not_text" });
  });
});
