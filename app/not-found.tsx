import type { Metadata } from "next";
import { NotFoundContent } from "./(storefront)/_components/not-found-content";
import { StorefrontShell } from "./(storefront)/_components/storefront-shell";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** URLs that match no route at all get the storefront's header and footer too. */
export default function NotFound() {
  return (
    <StorefrontShell>
      <NotFoundContent />
    </StorefrontShell>
  );
}
