// Request paths as they may be logged: an order page's URL is the key to the order, and the stub
// checkout carries the same token in its query string, so neither reaches a log line. The URL is
// whatever the client sent (`//orders/<token>`, `/checkout/stub/<id>/?token=…`, %-escaped
// letters all reach the same pages), so tokens are matched by their shape wherever they appear,
// not only where the canonical routes put them.

/** %-escapes of characters a token or a path separator can be made of, undone before matching. */
const ESCAPED = /%([0-9A-Fa-f]{2})/g;
const PLAIN = /^[A-Za-z0-9_./~-]$/;
const ORDER_PAGE = /\/orders\/+[^/?#]+/g;
const STUB_CHECKOUT = /^(\/checkout\/stub\/[^/?#]+)\?.*$/;
/** Any query parameter whose name mentions a token. */
const TOKEN_PARAM = /([?&;][^=&#]*token[^=&#]*=)[^&#]*/gi;
/**
 * 32 random bytes in base64url (order tokens; API and session tokens have the same body): 43
 * such characters standing alone, with a capital or an underscore (a slug has neither).
 */
const TOKEN_SHAPE = /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{0,42}[A-Z_])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

/**
 * @param {string | undefined} url the request target (path and query)
 * @returns {string | undefined}
 */
export function redactPath(url) {
  if (!url) return url;
  const plain = url.replace(ESCAPED, (escape, hex) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return PLAIN.test(char) ? char : escape;
  });
  return plain
    .replace(STUB_CHECKOUT, "$1?[redacted]")
    .replace(ORDER_PAGE, "/orders/[redacted]")
    .replace(TOKEN_PARAM, "$1[redacted]")
    .replace(TOKEN_SHAPE, "[redacted]");
}
