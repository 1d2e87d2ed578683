import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import { getShopPages } from "@/lib/catalog/articles/service";
import { utcTime } from "../admin-ui";
import styles from "../admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shop pages", robots: { index: false, follow: false } };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function ShopPagesAdmin({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("editor", { next: "/admin/pages" });
  const params = await searchParams;
  const pages = await getShopPages();
  const saved = pages.find((p) => p.slug === one(params.saved));
  return (
    <>
      <h1>Shop pages</h1>
      <p>
        The pages every storefront page links to in its footer. A saved change shows in the store at once.
      </p>
      {saved ? (
        <p className={styles.notice} role="status">
          Saved “{saved.title}”.
        </p>
      ) : null}
      {one(params.error) === "not_found" ? (
        <p className={styles.alert} role="alert">
          That page does not exist.
        </p>
      ) : null}
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col">Address</th>
            <th scope="col">Last changed (UTC)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pages.map((page) => (
            <tr key={page.slug}>
              <td>{page.title}</td>
              <td>
                <Link href={`/pages/${page.slug}`}>/pages/{page.slug}</Link>
              </td>
              <td>{utcTime(page.updatedAt)}</td>
              <td>
                <Link href={`/admin/pages/${page.slug}`} aria-label={`Edit ${page.title}`}>
                  Edit
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
