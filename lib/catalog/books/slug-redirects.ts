// Old book slugs: a rename keeps a SlugRedirect row, and the storefront answers the old URL with a
// permanent redirect to the book's current slug (proxy.ts).
import type { Db } from "@/lib/db/types";
import { isValidSlug } from "../shared/slug";

/** The current slug of the published book that `slug` used to name, or null. One primary-key lookup. */
export async function findBookRedirect(db: Db, slug: string): Promise<string | null> {
  if (!isValidSlug(slug)) return null;
  const row = await db.slugRedirect.findUnique({
    where: { fromSlug: slug },
    select: { book: { select: { slug: true, status: true } } },
  });
  return row && row.book.status === "published" && row.book.slug !== slug ? row.book.slug : null;
}
