// The build's own files (`/_next/static/…`: scripts, styles, fonts) answered by server.mjs from
// memory, gzipped once, instead of by Next, which reads each file again and gzips it on every
// request (the page's largest script, 229 KB, took ~7 ms of CPU each time; a first visit asks for
// nine scripts). Their names carry their content's hash, so the bytes at an address never change
// and any cache may keep them for a year. Anything not found here (an old build's file, a typo) is
// left to Next, which answers its 404. Plain JavaScript: server.mjs runs without a TypeScript loader.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzip as gzipCallback, constants as zlib } from "node:zlib";

const gzip = promisify(gzipCallback);
const PREFIX = "/_next/static/";
// What the build writes; a name outside it is Next's to answer. No segment starts with a dot, so
// no ".." can leave the folder.
const SAFE_NAME = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*$/;
const TYPES = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".json": "application/json; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=UTF-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
};
// Text; fonts and images are compressed already.
const COMPRESSIBLE = new Set([".js", ".css", ".json", ".svg", ".txt"]);
const CACHE_CONTROL = "public, max-age=31536000, immutable";

/**
 * @typedef {{ type: string, etag: string, raw: Buffer, gzipped: Buffer | null }} StaticFile
 * @typedef {import("node:http").IncomingMessage} Request
 * @typedef {import("node:http").ServerResponse} Response
 */

/**
 * @param {string} staticDir the build's `static` folder (`<distDir>/static`)
 * @returns {(req: Request, res: Response, otherwise: () => void) => boolean} false when the
 *   request is not for a build file; true when it is, and then it is answered, or handed to
 *   `otherwise` (Next) when no such file exists
 */
export function staticFiles(staticDir) {
  /** @type {Map<string, Promise<StaticFile | null>>} */
  const files = new Map();

  /** @param {string} name */
  async function load(name) {
    const extension = /** @type {keyof typeof TYPES} */ (path.extname(name));
    const type = TYPES[extension];
    if (!type) return null;
    let raw;
    try {
      raw = await readFile(path.join(staticDir, name));
    } catch {
      return null;
    }
    const gzipped = COMPRESSIBLE.has(extension) ? await gzip(raw, { level: zlib.Z_BEST_COMPRESSION }) : null;
    return {
      type,
      etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 27)}"`,
      raw,
      gzipped: gzipped && gzipped.length < raw.length ? gzipped : null,
    };
  }

  return (req, res, otherwise) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    if (!url.startsWith(PREFIX)) return false;
    const query = url.indexOf("?");
    const name = url.slice(PREFIX.length, query === -1 ? undefined : query);
    if (!SAFE_NAME.test(name)) return false;

    let file = files.get(name);
    if (!file) {
      file = load(name);
      files.set(name, file);
    }
    file.then((found) => {
      if (found) return send(req, res, found);
      // Misses are not kept: they must not fill memory, and a file may be copied in later.
      files.delete(name);
      otherwise();
    }, otherwise);
    return true;
  };
}

/**
 * @param {Request} req
 * @param {Response} res
 * @param {StaticFile} file
 */
function send(req, res, file) {
  res.setHeader("Cache-Control", CACHE_CONTROL);
  res.setHeader("Content-Type", file.type);
  res.setHeader("ETag", file.etag);
  if (file.gzipped) res.setHeader("Vary", "Accept-Encoding");
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === file.etag)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const gzipped = file.gzipped && acceptsGzip(req.headers["accept-encoding"]);
  const body = gzipped ? /** @type {Buffer} */ (file.gzipped) : file.raw;
  if (gzipped) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.writeHead(200);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** @param {string | undefined} header e.g. "gzip, deflate, br" or "gzip;q=0" */
export function acceptsGzip(header) {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding !== "gzip" && coding !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
