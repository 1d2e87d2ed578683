// @ts-check
// Tag purges at the edge cache (Varnish with vmod xkey, deploy/varnish/store.vcl): one PURGE request
// per edge in EDGE_PURGE_URLS, naming the tags in `xkey-purge`, with EDGE_PURGE_SECRET as a bearer
// token (the edge also accepts purges only from the store's hosts). Called by the Redis cache
// handler once a tag's invalidation is stored, so an edge that fetches the page again right after
// the purge gets the new one (docs/deploy.md, "The purge path"). A failure is logged, never thrown:
// the write has happened, and the edge's object expires within its s-maxage anyway.
import { writeLogLine } from "../log/json-line.mjs";

const TIMEOUT_MS = 1_000;

/** The configured edges: EDGE_PURGE_URLS, comma-separated (none: no edge, nothing to purge). */
export function edgePurgeUrls(value = process.env.EDGE_PURGE_URLS) {
  return (value ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

/**
 * Purges `tags` at every configured edge; resolves when each has answered or timed out (1 s).
 * @param {string[]} tags
 */
export async function purgeEdgeTags(tags) {
  const urls = edgePurgeUrls();
  const names = [...new Set(tags)].filter((tag) => /^[^\s,]+$/.test(tag));
  if (urls.length === 0 || names.length === 0) return;
  const secret = process.env.EDGE_PURGE_SECRET ?? "";
  await Promise.all(
    urls.map(async (url) => {
      const started = Date.now();
      try {
        const response = await fetch(url, {
          method: "PURGE",
          headers: { "xkey-purge": names.join(" "), authorization: `Bearer ${secret}` },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const answer = (await response.text()).trim();
        if (!response.ok) throw new Error(`${response.status} ${answer}`);
        writeLogLine("debug", "edge purge", { url, tags: names, answer, ms: Date.now() - started });
      } catch (error) {
        writeLogLine("warn", "edge purge failed", {
          url,
          tags: names,
          error: String(error),
          ms: Date.now() - started,
        });
      }
    }),
  );
}
