// The client's IP address for rate limits and the audit log.
// server.mjs overwrites `x-client-ip` with the socket's remote address on every request, so a
// client cannot forge it. Behind a reverse proxy that address is the proxy's: set
// TRUSTED_PROXY_HOPS to the number of proxies in front of the store, and the address that many
// hops from the right of X-Forwarded-For (the one the nearest trusted proxy saw) is used instead.
import { createHmac } from "node:crypto";

/** What Rating.ipHash, download logs and rate-limit keys store: never the address itself. */
export function ipHashOf(ip: string, secret: string): string {
  return createHmac("sha256", secret).update(`ip:${ip}`).digest("base64url");
}

export function clientIp(
  headers: { get(name: string): string | null },
  trustedProxyHops: number,
): string | null {
  if (trustedProxyHops > 0) {
    const hops = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const candidate = hops[hops.length - trustedProxyHops];
    if (candidate) return candidate;
  }
  return headers.get("x-client-ip") || null;
}
