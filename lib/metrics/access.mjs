// Who may read /metrics (docs/operations.md): an address in METRICS_ALLOW_FROM (CIDRs; loopback
// by default), or anyone presenting METRICS_TOKEN as a bearer token. A request that came through a
// proxy (it carries X-Forwarded-For) is judged by its token alone: behind Varnish every request's
// address is the edge's, so the address says nothing about where the client is.
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";

export const DEFAULT_ALLOW_FROM = "127.0.0.0/8, ::1/128";
const MIN_TOKEN_LENGTH = 16;

/** @typedef {{ allow: BlockList, tokenDigest: Buffer | null }} MetricsAccessRule */

/** @param {string} token */
const digest = (token) => createHash("sha256").update(token).digest();

/** "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) is 127.0.0.1. @param {string} address */
function plainAddress(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * The rule from the environment; throws an Error naming the variable when a value is unusable.
 * @param {{ METRICS_ALLOW_FROM?: string, METRICS_TOKEN?: string }} env
 * @returns {MetricsAccessRule}
 */
export function metricsAccessRule(env) {
  const allow = new BlockList();
  const listed = env.METRICS_ALLOW_FROM?.trim() || DEFAULT_ALLOW_FROM;
  if (listed !== "none") {
    for (const entry of listed.split(",").map((part) => part.trim())) {
      const [address = "", bits, extra] = entry.split("/");
      const family = isIP(address);
      const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
      if (
        !family ||
        extra !== undefined ||
        !Number.isInteger(prefix) ||
        prefix < 0 ||
        prefix > (family === 6 ? 128 : 32)
      )
        throw new Error(
          `METRICS_ALLOW_FROM: "${entry}" is not an address or CIDR range (e.g. 10.0.0.0/8, ::1/128; "none" for no address).`,
        );
      allow.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
    }
  }
  const token = env.METRICS_TOKEN?.trim();
  if (token && token.length < MIN_TOKEN_LENGTH)
    throw new Error(
      `METRICS_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24).`,
    );
  return { allow, tokenDigest: token ? digest(token) : null };
}

/**
 * @param {MetricsAccessRule} rule
 * @param {{ remoteAddress: string | undefined, authorization: string | undefined, forwarded: boolean }} request
 * @returns {{ allowed: true } | { allowed: false, status: 401 | 403, message: string }}
 */
export function decideMetricsAccess(rule, request) {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? "")?.[1];
  if (bearer && rule.tokenDigest && timingSafeEqual(digest(bearer), rule.tokenDigest))
    return { allowed: true };
  if (!request.forwarded && request.remoteAddress) {
    const address = plainAddress(request.remoteAddress);
    const family = isIP(address);
    if (family && rule.allow.check(address, family === 6 ? "ipv6" : "ipv4")) return { allowed: true };
  }
  if (!rule.tokenDigest)
    return { allowed: false, status: 403, message: "Metrics are served to the store's own network only.\n" };
  return {
    allowed: false,
    status: 401,
    message: bearer ? "The metrics token is not valid.\n" : "Metrics need a bearer token from here.\n",
  };
}
