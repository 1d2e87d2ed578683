import type { Metadata } from "next";
import { SITE_NAME } from "@/lib/site";
import { NotFoundContent } from "./(storefront)/_components/not-found-content";
import { StorefrontShell } from "./(storefront)/_components/storefront-shell";
import { sans, serif } from "./fonts";
import "./globals.css";

export { viewport } from "./layout";
export const metadata: Metadata = { title: `Page not found | ${SITE_NAME}`, robots: { index: false } };

/**
 * Addresses no route matches, with the storefront's header and footer. Prerendered at build time
 * (its HTML is also the body server.mjs sends for every 404 document). A page of its own rather
 * than the root layout's not-found boundary, which every page's RSC payload would carry.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en" className={`${serif.variable} ${sans.variable}`}>
      <body>
        <StorefrontShell>
          <NotFoundContent />
        </StorefrontShell>
      </body>
    </html>
  );
}
