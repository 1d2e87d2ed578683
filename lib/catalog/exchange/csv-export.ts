// The CSV export of every listing (docs/exchange.md): pages of books in id order, one row per
// edition, so a catalog of any size streams without being held in memory. Each page is its own
// query (no long transaction: on PGlite that would block every other request).
import type { Db } from "@/lib/db/types";
import { csvChunk, listingRows } from "./csv";
import { listListingsPage } from "../listings/store";

const EXPORT_PAGE_SIZE = 200;

/** The file as text chunks: the first has the UTF-8 BOM and the header. */
export async function* listingsCsvChunks(db: Db, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> {
  let afterId = 0;
  let first = true;
  for (;;) {
    const page = await listListingsPage(db, { afterId, take: pageSize });
    if (page.length || first) yield csvChunk(page.flatMap(listingRows), { first });
    first = false;
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    afterId = last.id;
  }
}

/** A whole export as one string (tests and small catalogs). */
export async function exportListingsCsv(db: Db): Promise<string> {
  let text = "";
  for await (const chunk of listingsCsvChunks(db)) text += chunk;
  return text;
}
