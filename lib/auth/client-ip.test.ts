import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("uses the socket address server.mjs sets, ignoring a forged X-Forwarded-For", () => {
    expect(clientIp(headers({ "x-client-ip": "10.0.0.5", "x-forwarded-for": "1.2.3.4" }), 0)).toBe(
      "10.0.0.5",
    );
  });
  it("behind N trusted proxies, takes the address N hops from the right", () => {
    const h = headers({ "x-client-ip": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientIp(h, 1)).toBe("10.0.0.2");
    expect(clientIp(h, 2)).toBe("203.0.113.9");
  });
  it("falls back to the socket address, or null", () => {
    expect(clientIp(headers({ "x-client-ip": "10.0.0.1" }), 3)).toBe("10.0.0.1");
    expect(clientIp(headers({}), 0)).toBeNull();
  });
});
