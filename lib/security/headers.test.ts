import { describe, expect, it } from "vitest";
import {
  cachedPagePolicy,
  isPerRequestPage,
  perRequestPagePolicy,
  staticSecurityHeaders,
} from "./headers.mjs";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.split(" ")[0] === name);

describe("security headers", () => {
  it("give cached pages one policy for everyone, and per-request pages their nonce", () => {
    const cached = cachedPagePolicy();
    expect(directive(cached, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(cached).not.toContain("nonce");
    const strict = perRequestPagePolicy("abc123", { formActions: ["https://checkout.stripe.com"] });
    expect(directive(strict, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(strict, "form-action")).toBe("form-action 'self' https://checkout.stripe.com");
    for (const policy of [cached, strict]) {
      expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
      expect(directive(policy, "object-src")).toBe("object-src 'none'");
      expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
      expect(policy).not.toContain("upgrade-insecure-requests");
    }
    expect(cachedPagePolicy({ https: true })).toContain("upgrade-insecure-requests");
  });

  it("send HSTS in live mode only", () => {
    expect(staticSecurityHeaders({ live: false, https: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(staticSecurityHeaders({ live: true, https: true })["Strict-Transport-Security"]).toMatch(
      /max-age=\d+/,
    );
    expect(staticSecurityHeaders({ live: false, https: false })).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("know which pages are rendered per request", () => {
    for (const path of ["/admin", "/admin/users", "/cart", "/checkout/stub/cs_1", "/orders/abc"])
      expect(isPerRequestPage(path), path).toBe(true);
    for (const path of ["/", "/books", "/books/x", "/cartography", "/api/admin/session", "/administrator"])
      expect(isPerRequestPage(path), path).toBe(false);
  });
});
