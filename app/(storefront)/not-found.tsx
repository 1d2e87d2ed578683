import type { Metadata } from "next";
import { NotFoundContent } from "./_components/not-found-content";

// A storefront page that calls notFound() (an unknown slug) is a cached page of its own: the same
// title as the site-wide 404 page (app/not-found.tsx).
export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function StorefrontNotFound() {
  return <NotFoundContent />;
}
