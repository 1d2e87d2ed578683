import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { refusePageRequest, sendRefusal, SERVER_ACTION_BODY_LIMIT_BYTES } from "./request-gate.mjs";

const post = (url: string, headers: Record<string, string>) => ({
  method: "POST",
  url,
  headers: { host: "store.test", ...headers },
});

describe("refusePageRequest", () => {
  it("lets ordinary requests and form posts through", () => {
    expect(refusePageRequest({ method: "GET", url: "/books/x", headers: {} })).toBeNull();
    expect(
      refusePageRequest(post("/cart", { "content-length": "120", origin: "http://store.test" })),
    ).toBeNull();
    expect(refusePageRequest(post("/cart", { "content-length": "120" }))).toBeNull();
  });

  it("refuses action bodies over the limit, or of unknown length, before Next reads them", () => {
    expect(
      refusePageRequest(post("/cart", { "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }))
        ?.status,
    ).toBe(413);
    expect(refusePageRequest(post("/cart", { "content-length": "abc" }))?.status).toBe(413);
    expect(refusePageRequest(post("/admin/users", { "transfer-encoding": "chunked" }))?.status).toBe(411);
  });

  it("refuses a post from another origin, or from none Next can parse", () => {
    expect(
      refusePageRequest(post("/admin/users", { "content-length": "9", origin: "https://evil.test" }))?.status,
    ).toBe(403);
    expect(refusePageRequest(post("/admin/users", { "content-length": "9", origin: "null" }))?.status).toBe(
      403,
    );
    expect(
      refusePageRequest(
        post("/cart", {
          "content-length": "9",
          origin: "https://shop.test",
          "x-forwarded-host": "shop.test",
        }),
      ),
    ).toBeNull();
  });

  it("leaves route handlers to bound their own bodies", () => {
    expect(refusePageRequest(post("/api/webhooks/stripe", { "transfer-encoding": "chunked" }))).toBeNull();
    expect(
      refusePageRequest(post("/admin/exchange/csv-imports", { "content-length": "9000000" })),
    ).toBeNull();
    expect(refusePageRequest(post("/admin/books/7/ebook-files", { "content-length": "9000000" }))).toBeNull();
    expect(refusePageRequest(post("/admin/books/7/cover", { "content-length": "9000000" }))).toBeNull();
    expect(refusePageRequest(post("/admin/books/7", { "content-length": "9000000" }))?.status).toBe(413);
  });
});

describe("sendRefusal", () => {
  /**
   * Posts `size` bytes declared up front, writing all of them before reading the answer (as
   * browsers and Playwright do), and reports the answer and any error the client saw until the
   * connection closed (Playwright fails a request on a broken pipe even after its answer).
   */
  async function postWhole(size: number) {
    const server = createServer((req, res) => {
      const refusal = refusePageRequest(req);
      if (refusal) sendRefusal(req, res, refusal);
      else res.end("through");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      return await new Promise<{ status: number; body: string; errors: string[] }>((resolve) => {
        const answer = { status: 0, body: "", errors: [] as string[] };
        const req = request(
          { host: "127.0.0.1", port, path: "/cart", method: "POST", headers: { "content-length": size } },
          (res) => {
            answer.status = res.statusCode ?? 0;
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (answer.body += chunk));
          },
        );
        req.on("error", (error: NodeJS.ErrnoException) => answer.errors.push(error.code ?? error.message));
        req.on("close", () => resolve(answer));
        const chunk = Buffer.alloc(64 * 1024, 120);
        for (let sent = 0; sent < size; sent += chunk.length) {
          req.write(chunk.subarray(0, Math.min(chunk.length, size - sent)));
        }
        req.end();
      });
    } finally {
      server.close();
    }
  }

  it("reads and drops a refused body first, so a client that sends it whole reads the refusal", async () => {
    // 6 MB: more than the connection's buffers hold, so answering and closing before the body is
    // read would break the client's pipe (checked: EPIPE).
    const answer = await postWhole(6 * 1024 * 1024);
    expect(answer.errors).toEqual([]);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Forms are limited to");
  });

  it("lets a body within the limit through untouched", async () => {
    expect(await postWhole(1000)).toEqual({ status: 200, body: "through", errors: [] });
  });
});
