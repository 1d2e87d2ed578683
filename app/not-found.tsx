import Link from "next/link";

/**
 * notFound() outside the storefront (the admin), after a client-side navigation: documents get the
 * full 404 page (server.mjs). One line, because the root layout's boundaries travel in every
 * page's RSC payload. Unmatched addresses get app/global-not-found.tsx.
 */
export default function NotFound() {
  return (
    <p>
      404: no such page. <Link href="/">Home</Link>
    </p>
  );
}
