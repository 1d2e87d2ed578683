// The catalog service as pages, the admin and the API use it: bound to the process database.
import "server-only";
import { getPrisma } from "@/lib/db";
import * as books from "./books";

export type * from "./types";
export { CatalogError } from "./errors";
export { formatMoney } from "./money";

export async function listPublishedBooks(options?: { take?: number }) {
  return books.listPublishedBooks(await getPrisma(), options);
}

export async function findPublishedBook(slug: string) {
  return books.findPublishedBook(await getPrisma(), slug);
}
