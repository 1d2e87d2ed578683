import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin";

const base = { siteUrl: "http://localhost:3000", host: "127.0.0.1:3000", strict: false };

describe("isSameOriginRequest", () => {
  it("accepts SITE_URL's origin", () => {
    expect(isSameOriginRequest({ ...base, origin: "http://localhost:3000" })).toBe(true);
  });
  it("refuses a missing, opaque or malformed Origin", () => {
    expect(isSameOriginRequest({ ...base, origin: null })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "null" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "not a url" })).toBe(false);
  });
  it("refuses another site, another port and another scheme", () => {
    expect(isSameOriginRequest({ ...base, origin: "https://evil.example" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "http://localhost:3001" })).toBe(false);
    expect(isSameOriginRequest({ ...base, strict: true, origin: "https://localhost:3000" })).toBe(false);
  });
  it("accepts the request's own host only outside live mode", () => {
    expect(isSameOriginRequest({ ...base, origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(isSameOriginRequest({ ...base, strict: true, origin: "http://127.0.0.1:3000" })).toBe(false);
  });
});
