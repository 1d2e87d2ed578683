import { describe, expect, it } from "vitest";
import { refusePageRequest, SERVER_ACTION_BODY_LIMIT_BYTES } from "./request-gate.mjs";

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
    expect(refusePageRequest(post("/admin/books/7", { "content-length": "9000000" }))?.status).toBe(413);
  });
});
