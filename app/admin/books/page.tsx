import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth";
import {
  adminListQuerySchema,
  getAdminBooks,
  getListingOptions,
  type MissingFilter,
} from "@/lib/catalog/listings/service";
import { formatMoney } from "@/lib/catalog/shared";
import { Pager, utcTime } from "../admin-ui";
import styles from "../admin.module.css";
import { plural } from "@/lib/plural";

export const dynamic = "force-dynamic";

const MISSING_LABELS: Record<MissingFilter, string> = {
  cover: "An uploaded cover",
  "ebook-file": "An ebook edition's file",
};
export const metadata: Metadata = { title: "Books", robots: { index: false, follow: false } };

export default async function AdminBooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireStaff("editor", { next: "/admin/books" });
  const query = adminListQuerySchema.parse(await searchParams);
  const [result, options] = [await getAdminBooks(query), await getListingOptions()];
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["q", "status", "category", "language", "missing"] as const) {
      const value = query[key];
      if (value) params.set(key, value);
    }
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `/admin/books?${qs}` : "/admin/books";
  };

  return (
    <>
      <h1>Books</h1>
      <p>
        <Link href="/admin/books/new" className={styles.button}>
          New book
        </Link>
      </p>
      <form method="get" action="/admin/books" className={styles.card} role="search">
        <div className={styles.inline}>
          <label htmlFor="q">Title or slug contains</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className={styles.inline}>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="hidden">Hidden</option>
          </select>
        </div>
        <div className={styles.inline}>
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={query.category ?? ""}>
            <option value="">Any</option>
            {options.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.inline}>
          <label htmlFor="language">Language</label>
          <input id="language" name="language" size={4} defaultValue={query.language ?? ""} />
        </div>
        <div className={styles.inline}>
          <label htmlFor="missing">Missing</label>
          <select id="missing" name="missing" defaultValue={query.missing ?? ""}>
            <option value="">Nothing in particular</option>
            {Object.entries(MISSING_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={styles.buttonQuiet}>
          Filter
        </button>
      </form>

      <p>
        {plural(result.total, { one: "# book", other: "# books" })}
        {result.pageCount > 1 && `, page ${result.page} of ${result.pageCount}`}
      </p>
      <table className={`${styles.table} ${styles.stack}`}>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Price</th>
            <th scope="col">Categories</th>
            <th scope="col">Languages</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/admin/books/${row.id}`} aria-label={`Edit ${row.title}`}>
                  {row.title}
                </Link>
                <br />
                <small>{row.slug}</small>
              </td>
              <td data-label="Status">{row.status}</td>
              <td data-label="Price">
                {row.fromPrice ? formatMoney(row.fromPrice.amountMinor, row.fromPrice.currency) : "—"}
              </td>
              <td data-label="Categories">{row.categories.join(", ")}</td>
              <td data-label="Languages">{row.languages.join(", ")}</td>
              <td data-label="Updated">{utcTime(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={result.page} pageCount={result.pageCount} href={pageLink} />
    </>
  );
}
