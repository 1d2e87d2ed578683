import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { JsonLd } from "@/components/ui/json-ld";
import { findPublishedShopPage } from "@/lib/catalog/articles/service";
import { formatMoney } from "@/lib/catalog/shared";
import { countryName, formatTaxRate } from "@/lib/checkout/cart/service";
import { getEnv } from "@/lib/env";
import { breadcrumbJsonLd } from "@/lib/seo/json-ld";
import { metaDescription, pageMetadata } from "@/lib/seo/metadata";
import { absoluteUrl } from "@/lib/site";
import styles from "./shop-page.module.css";

// The shop's own pages (About, Contact, Shipping and returns, Privacy), edited at /admin/pages.
// Rendered on first request, then cached until a save invalidates their tags.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

interface Props {
  params: Promise<{ slug: string }>;
}

/** The shipping page also shows the rates in force (SHIPPING_ZONES): staff never retype them. */
const SHIPPING_PAGE = "shipping-and-returns";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await findPublishedShopPage(slug);
  // A 404 answered here is cached like the page (server.mjs gives it the full not-found body).
  if (!page) notFound();
  return pageMetadata({
    title: page.title,
    description: metaDescription(page.excerpt ?? page.title),
    path: `/pages/${page.slug}`,
  });
}

function ShippingRates() {
  const zones = getEnv().shippingZones;
  return (
    <section aria-labelledby="shipping-rates" className={styles.rates}>
      <h2 id="shipping-rates">Shipping rates for printed books</h2>
      <div className={styles.tableWrap}>
        <table>
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col">First copy</th>
              <th scope="col">Each further copy</th>
              <th scope="col">Tax on books</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((zone) => (
              <tr key={zone.name}>
                <th scope="row">
                  {zone.name}
                  <span className={styles.countries}>{zone.countries.map(countryName).join(", ")}</span>
                </th>
                <td>{formatMoney(zone.firstItemMinor, "USD")}</td>
                <td>{formatMoney(zone.additionalItemMinor, "USD")}</td>
                <td>{zone.taxRateBasisPoints ? formatTaxRate(zone.taxRateBasisPoints) : "None"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">Ebooks are never charged shipping. Shipping itself is not taxed.</p>
    </section>
  );
}

export default async function ShopPage({ params }: Props) {
  const { slug } = await params;
  const page = await findPublishedShopPage(slug);
  if (!page) notFound();
  return (
    <div className={`container ${styles.layout}`}>
      <JsonLd
        data={breadcrumbJsonLd([
          { name: "Home", url: absoluteUrl("/") },
          { name: page.title, url: absoluteUrl(`/pages/${page.slug}`) },
        ])}
      />
      <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: page.title }]} />
      <article className={styles.page}>
        <h1>{page.title}</h1>
        <div className="prose">
          {page.blocks.map((block, i) =>
            block.type === "heading" ? <h2 key={i}>{block.text}</h2> : <p key={i}>{block.text}</p>,
          )}
        </div>
        {page.slug === SHIPPING_PAGE ? <ShippingRates /> : null}
      </article>
    </div>
  );
}
