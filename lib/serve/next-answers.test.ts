import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctNextAnswers } from "./next-answers.mjs";

const NOT_FOUND_PAGE = Buffer.from(
  "<!DOCTYPE html><html><body><h1>We couldn't find that page</h1></body></html>",
);
const EMPTY_SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>';

// Answers as Next does: status and headers set first, then the body in one or more writes.
const answers: Record<string, (res: ServerResponse) => void> = {
  "/not-found-page": (res) => {
    res.statusCode = 404;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("etag", '"shell"');
    res.write(EMPTY_SHELL.slice(0, 20));
    res.end(EMPTY_SHELL.slice(20));
  },
  "/not-found-write-head": (res) => {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-length": EMPTY_SHELL.length });
    res.end(EMPTY_SHELL);
  },
  "/not-found-json": (res) => {
    res.statusCode = 404;
    res.setHeader("content-type", "application/problem+json");
    res.end('{"status":404}');
  },
  "/page": (res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end("<p>a page</p>");
  },
  "/redirect": (res) => {
    res.statusCode = 308;
    res.setHeader("location", "/books/new-name");
    res.appendHeader("location", "/books/new-name");
    res.end();
  },
};

let base = "";
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  correctNextAnswers(req, res, NOT_FOUND_PAGE);
  answers[req.url ?? ""]?.(res);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("correctNextAnswers", () => {
  it("sends a 404 document with the not-found page's body, however Next wrote it", async () => {
    for (const path of ["/not-found-page", "/not-found-write-head"]) {
      const response = await fetch(base + path);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(NOT_FOUND_PAGE.toString());
      expect(response.headers.get("etag")).toBeNull();
    }
  });

  it("leaves every other answer alone", async () => {
    const json = await fetch(`${base}/not-found-json`);
    expect(await json.text()).toBe('{"status":404}');
    expect(await (await fetch(`${base}/page`)).text()).toBe("<p>a page</p>");
    const head = await fetch(`${base}/not-found-page`, { method: "HEAD" });
    expect(head.status).toBe(404);
  });

  it("sends a redirect's Location once", async () => {
    const response = await fetch(`${base}/redirect`, { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/books/new-name");
  });
});
