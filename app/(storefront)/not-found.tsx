import type { Metadata } from "next";
import Link from "next/link";
import styles from "./_components/not-found-content.module.css";

// A storefront page that calls notFound() (an unknown slug) is a cached page of its own: the same
// title as the site-wide 404 page (app/global-not-found.tsx).
export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/**
 * What a client-side navigation to an unknown page shows, inside the storefront's header and
 * footer. Short, because this boundary travels in the RSC payload of every storefront page; a
 * document request gets the full 404 page (its body comes from app/global-not-found.tsx through
 * server.mjs).
 */
export default function StorefrontNotFound() {
  return (
    <section className={`container ${styles.wrap}`} aria-labelledby="not-found-title">
      <h1 id="not-found-title">We couldn&apos;t find that page</h1>
      <p>
        <Link href="/">Go to the home page</Link> or <Link href="/books">browse all books</Link>.
      </p>
    </section>
  );
}
