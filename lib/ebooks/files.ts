// What an uploaded ebook file is, judged by its content and never by its name or the browser's
// type: an EPUB is a ZIP whose first entry is an uncompressed `mimetype` holding exactly
// `application/epub+zip` (OCF 3.0 §4.3) and which has META-INF/container.xml; a PDF starts with
// `%PDF-` and has an `%%EOF` marker near its end. Pure.
import { unzipSync } from "fflate";

/** The largest ebook file staff may upload. */
export const EBOOK_MAX_BYTES = 20 * 1024 * 1024;

export type EbookKind =
  | { mediaType: "application/epub+zip"; extension: "epub" }
  | { mediaType: "application/pdf"; extension: "pdf" };

export type UploadProblem = "no_file" | "too_large" | "not_ebook" | "bad_epub";

export type SniffResult = { ok: true; kind: EbookKind } | { ok: false; problem: UploadProblem };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    Math.max(0, Math.min(length, bytes.length - start)),
  ).toString("latin1");

function isEpub(bytes: Uint8Array): boolean | "broken" {
  if (ascii(bytes, 0, 4) !== "PK\u0003\u0004") return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30) return "broken";
  const method = view.getUint16(8, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (ascii(bytes, 30, nameLength) !== "mimetype") return "broken";
  const mimetype = "application/epub+zip";
  if (method !== 0 || ascii(bytes, 30 + nameLength + extraLength, mimetype.length) !== mimetype)
    return "broken";
  try {
    // Reads the central directory; only the container document is inflated.
    const entries = unzipSync(bytes, { filter: (file) => file.name === "META-INF/container.xml" });
    return entries["META-INF/container.xml"] ? true : "broken";
  } catch {
    return "broken";
  }
}

function isPdf(bytes: Uint8Array): boolean {
  return (
    ascii(bytes, 0, 5) === "%PDF-" && ascii(bytes, Math.max(0, bytes.length - 1024), 1024).includes("%%EOF")
  );
}

export function sniffEbook(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, problem: "no_file" };
  if (bytes.length > EBOOK_MAX_BYTES) return { ok: false, problem: "too_large" };
  const epub = isEpub(bytes);
  if (epub === true) return { ok: true, kind: { mediaType: "application/epub+zip", extension: "epub" } };
  if (epub === "broken") return { ok: false, problem: "bad_epub" };
  if (isPdf(bytes)) return { ok: true, kind: { mediaType: "application/pdf", extension: "pdf" } };
  return { ok: false, problem: "not_ebook" };
}

/**
 * The file name a download is saved under: the book's title with characters that file systems
 * refuse replaced, and the format's extension.
 */
export function downloadFileName(title: string, extension: string): string {
  const base = title
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 150)
    .replace(/[. ]+$/, "");
  return `${base || "ebook"}.${extension}`;
}

/** `Content-Disposition` with the title as the file name: ASCII fallback plus RFC 5987 UTF-8. */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%]/g, "") || "ebook";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
