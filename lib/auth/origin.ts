// Cross-site request refusal for mutations. Next 16 already compares a server action's Origin with
// its Host but lets a request without Origin through; we refuse that too, since every browser
// sends Origin on a POST.

export interface OriginCheckInput {
  origin: string | null;
  /** The Host (or X-Forwarded-Host) the request arrived with. */
  host: string | null;
  /** getEnv().SITE_URL */
  siteUrl: string;
  /** Live mode accepts only SITE_URL's origin; demo mode also the request's own host. */
  strict: boolean;
}

export function isSameOriginRequest({ origin, host, siteUrl, strict }: OriginCheckInput): boolean {
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(siteUrl).origin) return true;
  return !strict && host !== null && parsed.host === host;
}
