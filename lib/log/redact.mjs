// Request paths as they may be logged: an order page's URL is the key to the order, and the stub
// checkout carries the same token in its query string, so neither reaches a log line.

const ORDER_PAGE = /^\/orders\/[^/?#]+/;
const STUB_CHECKOUT = /^(\/checkout\/stub\/[^/?#]+)\?.*$/;

/**
 * @param {string | undefined} url the request target (path and query)
 * @returns {string | undefined}
 */
export function redactPath(url) {
  if (!url) return url;
  return url.replace(ORDER_PAGE, "/orders/[redacted]").replace(STUB_CHECKOUT, "$1?[redacted]");
}
