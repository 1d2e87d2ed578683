import type { StaticImageData } from "next/image";
import Link from "next/link";
import type { ReactNode } from "react";
import { SHOP_PAGE_LINKS } from "@/lib/catalog/articles/model";
import logoFile from "@/app/icon.svg";
import { SITE_NAME } from "@/lib/site";
import { CartLink } from "./cart-link";
import { SearchCombobox } from "./search-combobox";
import styles from "./storefront-shell.module.css";

// The favicon, as a file with a hashed name cached for a year: drawn inline, the logo took 0.5 KB
// of every page (in its HTML and again in its RSC payload).
const LOGO = logoFile as StaticImageData;

/** Header, footer and the skip link around every storefront page (and the 404 page). */
export function StorefrontShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={`container ${styles.bar}`}>
          <Link href="/" className={styles.brand}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a 0.3 KB SVG at its final size */}
            <img src={LOGO.src} width={30} height={30} alt="" />
            <span>{SITE_NAME}</span>
          </Link>
          <form action="/search" method="get" role="search" className={styles.search}>
            <label htmlFor="site-search" className="visually-hidden">
              Search books
            </label>
            <SearchCombobox className={styles.searchInput} listClassName={styles.suggestions} />
            <button type="submit" className={styles.searchButton}>
              Search
            </button>
          </form>
          <nav aria-label="Main" className={styles.nav}>
            <Link href="/books">Browse</Link>
            <Link href="/categories">Categories</Link>
            <CartLink className={styles.cart} />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={`container ${styles.footerGrid}`}>
          <div>
            <p className={styles.footerBrand}>{SITE_NAME}</p>
            <p className={styles.footerText}>
              An independent online bookshop. Prices in US dollars; ebooks are delivered instantly after
              payment.
            </p>
          </div>
          <nav aria-label="Footer" className={styles.footerNav}>
            <ul className={styles.footerLinks}>
              <li>
                <Link href="/">Home</Link>
              </li>
              <li>
                <Link href="/books">All books</Link>
              </li>
              <li>
                <Link href="/categories">Categories</Link>
              </li>
              <li>
                <Link href="/search">Search</Link>
              </li>
              <li>
                <Link href="/cart">Your cart</Link>
              </li>
            </ul>
            <ul className={styles.footerLinks}>
              {SHOP_PAGE_LINKS.map((page) => (
                <li key={page.slug}>
                  <Link href={`/pages/${page.slug}`}>{page.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className={`container ${styles.legal}`}>
          <p>
            © {new Date().getFullYear()} {SITE_NAME}. All rights reserved.
          </p>
        </div>
      </footer>
    </>
  );
}
