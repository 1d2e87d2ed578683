import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip, staticFiles } from "./static-files.mjs";

const script = `self.chunk = ${JSON.stringify("a".repeat(5000))};\n`;
let dir: string;
let server: Server;
let port: number;
let answeredByNext = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "static-files-"));
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  mkdirSync(path.join(dir, "static/media"), { recursive: true });
  writeFileSync(path.join(dir, "static/chunks/app.js"), script);
  writeFileSync(path.join(dir, "static/media/font.woff2"), Buffer.alloc(3000, 7));
  writeFileSync(path.join(dir, "secret.js"), "never served");
  const serve = staticFiles(path.join(dir, "static"));
  server = createServer((req, res) => {
    const next = () => {
      answeredByNext++;
      res.writeHead(404, { "content-type": "text/plain" }).end("next");
    };
    if (!serve(req, res, next)) next();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: pathname, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the build's static files", () => {
  it("sends a script gzipped to a browser that accepts gzip, cacheable for a year", async () => {
    const res = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it("sends the bytes as they are to a client that does not accept gzip", async () => {
    for (const encoding of [undefined, "identity", "gzip;q=0, br"]) {
      const res = await get("/_next/static/chunks/app.js", encoding ? { "accept-encoding": encoding } : {});
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.body.toString()).toBe(script);
    }
  });

  it("answers a revalidation with the same ETag by 304, and HEAD with headers only", async () => {
    const first = await get("/_next/static/chunks/app.js");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get("/_next/static/chunks/app.js", { "if-none-match": `W/${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get("/_next/static/chunks/app.js?v=1", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
  });

  it("does not gzip a font, which is compressed already", async () => {
    const res = await get("/_next/static/media/font.woff2", { "accept-encoding": "gzip" });
    expect(res.headers["content-type"]).toBe("font/woff2");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.length).toBe(3000);
  });

  it("leaves anything else to Next: a missing file, a name outside the folder, other paths and methods", async () => {
    const before = answeredByNext;
    for (const pathname of [
      "/_next/static/chunks/missing.js",
      "/_next/static/../secret.js",
      "/_next/static/chunks/%2e%2e/%2e%2e/secret.js",
      "/_next/static/chunks/app.exe",
      "/_next/image?url=x",
      "/books",
    ]) {
      const res = await get(pathname);
      expect(res.status, pathname).toBe(404);
      expect(res.body.toString()).toBe("next");
    }
    expect((await get("/_next/static/chunks/app.js", {}, "POST")).body.toString()).toBe("next");
    expect(answeredByNext - before).toBe(7);
  });

  it("serves a file that appears after a miss (misses are not remembered)", async () => {
    expect((await get("/_next/static/chunks/late.js")).status).toBe(404);
    writeFileSync(path.join(dir, "static/chunks/late.js"), "late();");
    const res = await get("/_next/static/chunks/late.js");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe("late();");
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, gzip;q=0.8", true],
    ["*", true],
    ["GZIP", true],
    ["gzip;q=0", false],
    ["br", false],
    ["", false],
    [undefined, false],
  ])("%s -> %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
