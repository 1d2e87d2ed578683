// The security headers of every response, and the two Content-Security-Policies (docs/security.md).
// Plain JavaScript: server.mjs applies the static headers to every response; proxy.ts replaces
// the policy of the per-request pages with one bound to a fresh nonce (lib/security/page-policy.ts).
//
// - Cached pages (home, lists, book, review and article pages: ISR and a shared cache) get one
//   static policy: a nonce in a cached page would be the same for everyone, so scripts are
//   allowed from this origin and inline (Next's inline flight data), and everything else is shut.
// - Per-request pages (admin, sign-in, cart, checkout, orders) get scripts only with the request's
//   nonce, and what those load ('strict-dynamic').

/** Pages rendered for one request, never from a shared cache: they get the nonce policy. */
export const PER_REQUEST_PAGE_PREFIXES = ["/admin", "/cart", "/checkout", "/orders"];

/** @param {string} path */
export function isPerRequestPage(path) {
  return PER_REQUEST_PAGE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * @param {Record<string, string[]>} directives
 * @param {{ upgradeInsecureRequests?: boolean }} options
 */
function serialize(directives, { upgradeInsecureRequests = false }) {
  const parts = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (upgradeInsecureRequests) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

/** @param {string[]} formActions extra form targets (the payment provider's hosted checkout) */
function common(formActions = []) {
  return {
    "default-src": ["'self'"],
    // React renders style attributes (star widths, cover fonts): inline styles, never scripts.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...formActions],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
  };
}

/**
 * The static policy of cached pages.
 * @param {{ https?: boolean }} [options]
 */
export function cachedPagePolicy({ https = false } = {}) {
  return serialize(
    { ...common(), "script-src": ["'self'", "'unsafe-inline'"] },
    { upgradeInsecureRequests: https },
  );
}

/**
 * The policy of a per-request page, bound to its nonce.
 * @param {string} nonce
 * @param {{ https?: boolean; formActions?: string[] }} [options]
 */
export function perRequestPagePolicy(nonce, { https = false, formActions = [] } = {}) {
  return serialize(
    { ...common(formActions), "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] },
    { upgradeInsecureRequests: https },
  );
}

/**
 * Headers for every response (HTML, API, assets). HSTS only in live mode, which serves https.
 * @param {{ live: boolean; https: boolean }} options
 * @returns {Record<string, string>}
 */
export function staticSecurityHeaders({ live, https }) {
  return {
    "Content-Security-Policy": cachedPagePolicy({ https }),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(live ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * What server.mjs does to each request before Next: the static headers on the response, and no
 * Content-Security-Policy request header from the client (Next reads a nonce from it).
 * @param {{ headers: Record<string, unknown> }} req
 * @param {{ setHeader(name: string, value: string): unknown }} res
 * @param {Record<string, string>} headers from staticSecurityHeaders
 */
export function applyStaticSecurityHeaders(req, res, headers) {
  delete req.headers["content-security-policy"];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
