import { notFound, permanentRedirect } from "next/navigation";
import { findPublishedBook, findRenamedBookSlug } from "@/lib/catalog/books/service";

/**
 * For a book page whose slug names no published book: 308 to the same page under the book's
 * current slug when `slug` is an old one (a renamed book), otherwise the 404 page. Both answers
 * are cached with the page; reading the current book tags it with that slug too, so a later
 * rename or unpublishing of the book renders the answer again.
 */
export async function redirectOldSlugOrNotFound(slug: string, suffix = ""): Promise<never> {
  const current = await findRenamedBookSlug(slug);
  if (current && (await findPublishedBook(current))) permanentRedirect(`/books/${current}${suffix}`);
  notFound();
}
