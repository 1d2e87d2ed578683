import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { contentDisposition, downloadFileName, EBOOK_MAX_BYTES, sniffEbook } from "./files";
import { checkDownloadLink, downloadPath } from "./links";

const epub = (first: "mimetype" | "other" = "mimetype", level: 0 | 9 = 0) =>
  zipSync(
    first === "mimetype"
      ? {
          mimetype: [strToU8("application/epub+zip"), { level }],
          "META-INF/container.xml": strToU8("<container/>"),
        }
      : { "META-INF/container.xml": strToU8("<container/>"), mimetype: strToU8("application/epub+zip") },
  );

describe("sniffEbook", () => {
  it("knows an EPUB by its first, stored mimetype entry and a PDF by its header and end marker", () => {
    expect(sniffEbook(epub())).toEqual({
      ok: true,
      kind: { mediaType: "application/epub+zip", extension: "epub" },
    });
    expect(sniffEbook(strToU8("%PDF-1.4\n...\n%%EOF\n"))).toEqual({
      ok: true,
      kind: { mediaType: "application/pdf", extension: "pdf" },
    });
  });

  it("refuses a ZIP that is not an EPUB, a compressed mimetype, other files and oversized ones", () => {
    expect(sniffEbook(epub("other"))).toEqual({ ok: false, problem: "bad_epub" });
    expect(sniffEbook(epub("mimetype", 9))).toEqual({ ok: false, problem: "bad_epub" });
    expect(sniffEbook(strToU8("%PDF-1.4 but never ends"))).toEqual({ ok: false, problem: "not_ebook" });
    expect(sniffEbook(strToU8("\u0089PNG\r\n"))).toEqual({ ok: false, problem: "not_ebook" });
    expect(sniffEbook(new Uint8Array())).toEqual({ ok: false, problem: "no_file" });
    expect(sniffEbook(new Uint8Array(EBOOK_MAX_BYTES + 1))).toEqual({ ok: false, problem: "too_large" });
  });
});

describe("download names", () => {
  it("uses the book's title as the file name, safe for file systems and headers", () => {
    expect(downloadFileName("Mao, Stalin and the Korean War", "epub")).toBe(
      "Mao, Stalin and the Korean War.epub",
    );
    expect(downloadFileName('A/B: "C"?', "pdf")).toBe("A B C.pdf");
    expect(contentDisposition("Schoolla Escuela – Wordbooks.epub")).toBe(
      `attachment; filename="Schoolla Escuela  Wordbooks.epub"; filename*=UTF-8''Schoolla%20Escuela%20%E2%80%93%20Wordbooks.epub`,
    );
  });
});

describe("signed download links", () => {
  const grant = "3f1c2a4e-8b7d-4c1a-9e2f-1a2b3c4d5e6f";
  const secret = "unit-test-secret-0123456789abcdef";
  const parts = (path: string) => {
    const url = new URL(path, "http://x");
    return [url.searchParams.get("expires"), url.searchParams.get("signature")] as const;
  };

  it("accepts its own link until it expires, and nothing changed or signed elsewhere", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const [expires, signature] = parts(downloadPath(grant, secret, now));
    expect(checkDownloadLink(grant, expires, signature, secret, now)).toBe("valid");
    expect(checkDownloadLink(grant, expires, signature, secret, new Date("2026-12-08T12:00:01Z"))).toBe(
      "expired",
    );
    expect(checkDownloadLink(grant, String(Number(expires) + 3600), signature, secret, now)).toBe("forged");
    expect(checkDownloadLink(grant.replace("3f", "4f"), expires, signature, secret, now)).toBe("forged");
    expect(checkDownloadLink(grant, expires, signature, "another-secret-0123456789abcdef", now)).toBe(
      "forged",
    );
    expect(checkDownloadLink(grant, null, null, secret, now)).toBe("forged");
  });
});
