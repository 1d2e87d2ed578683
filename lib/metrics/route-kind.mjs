// The bounded "route" label of the request metrics: what kind of page or endpoint a URL is, never
// the URL itself (a label per product slug or search text would grow without end and could carry
// order tokens). Matched on the raw path as the client sent it, so it costs a few string tests.

/** Every value routeKind() returns, in the order docs/operations.md lists them. */
export const ROUTE_KINDS = /** @type {const} */ ([
  "home",
  "product",
  "list",
  "search",
  "article",
  "taxonomy",
  "cart",
  "checkout",
  "order",
  "download",
  "api",
  "webhook",
  "health",
  "admin",
  "asset",
  "seo",
  "metrics",
  "other",
]);

/** @param {string | undefined} url a request target such as "/books/x?y=1" */
export function routeKind(url) {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  const path = end === -1 ? raw : raw.slice(0, end);
  if (path === "/") return "home";
  const slash = path.indexOf("/", 1);
  const first = slash === -1 ? path.slice(1) : path.slice(1, slash);
  const rest = slash === -1 ? "" : path.slice(slash + 1);
  switch (first) {
    case "books":
      return rest === "" ? "list" : "product";
    case "search":
      return "search";
    case "articles":
    case "pages":
    case "developers":
      return "article";
    case "categories":
    case "contributors":
    case "series":
      return "taxonomy";
    case "cart":
      return "cart";
    case "checkout":
      return "checkout";
    case "orders":
      return "order";
    case "downloads":
      return "download";
    case "admin":
    case "preview":
      return "admin";
    case "_next":
    case "covers":
    case "og":
    case "icon.svg":
    case "favicon.ico":
      return "asset";
    case "robots.txt":
    case "sitemap.xml":
    case "sitemaps":
      return "seo";
    case "metrics":
      return rest === "" ? "metrics" : "other";
    case "api":
      return apiKind(rest);
    default:
      return "other";
  }
}

/** @param {string} rest the path after "/api/" */
function apiKind(rest) {
  if (rest === "health" || rest === "ready") return "health";
  if (rest.startsWith("webhooks/")) return "webhook";
  if (rest.startsWith("admin/")) return "admin";
  if (rest.startsWith("cart/")) return "cart";
  if (rest.startsWith("search/")) return "search";
  return "api";
}
