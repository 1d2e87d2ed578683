export const ROUTE_KINDS: readonly [
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
];
export type RouteKind = (typeof ROUTE_KINDS)[number];
export function routeKind(url: string | undefined): RouteKind;
