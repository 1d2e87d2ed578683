import { NotFoundContent } from "./(storefront)/_components/not-found-content";

/**
 * notFound() outside the storefront (the admin). Documents get the full 404 page anyway
 * (server.mjs); this is what a client-side navigation shows. Kept small: the root layout's
 * boundaries travel in every page's RSC payload. Unmatched addresses: app/global-not-found.tsx.
 */
export default function NotFound() {
  return <NotFoundContent />;
}
