// Small pieces every admin page shares: how a time is shown, the previous/next page links, and a
// refused field's message.
import Link from "next/link";
import styles from "./admin.module.css";

export { utcTime } from "@/lib/utc-time";

/** ← Previous / Next → for a page-numbered list; `href(page)` keeps the list's filters. */
export function Pager({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  return (
    <nav className={styles.pager} aria-label="Pages">
      {page > 1 && <Link href={href(page - 1)}>← Previous</Link>}
      {page < pageCount && <Link href={href(page + 1)}>Next →</Link>}
    </nav>
  );
}

/** aria-invalid and the message's id for the field `id`, when the server refused its value. */
export function invalidProps(id: string, message: string | undefined) {
  return message ? ({ "aria-invalid": true, "aria-describedby": `${id}-error` } as const) : {};
}

/** The message under a field the server refused (see invalidProps); nothing when there is none. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={`${id}-error`} className={styles.fieldError}>
      {message}
    </p>
  ) : null;
}
