import Link from "next/link";
import styles from "./breadcrumbs.module.css";

export interface Crumb {
  name: string;
  href?: string;
  lang?: string;
}

/** Where a page sits in the catalog; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className={styles.nav}>
      <ol className={styles.list}>
        {items.map((item, i) => {
          // An absent attribute costs the page nothing (an undefined one is still in its RSC payload).
          const langAttr = item.lang ? { lang: item.lang } : {};
          return (
            <li key={`${item.name}-${i}`} className={styles.item}>
              {item.href && i < items.length - 1 ? (
                <Link href={item.href} {...langAttr}>
                  {item.name}
                </Link>
              ) : (
                <span aria-current="page" {...langAttr}>
                  {item.name}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
