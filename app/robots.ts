import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";

// Rendered per request so the sitemap URL follows SITE_URL at run time.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const site = getEnv().SITE_URL;
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        // /search stays crawlable so its "noindex, follow" is seen.
        disallow: ["/cart", "/checkout/", "/orders/", "/admin", "/api/"],
      },
    ],
    sitemap: `${site}/sitemap.xml`,
    host: site,
  };
}
