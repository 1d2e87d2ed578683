// The ONIX export's data side: published books with everything a Product needs, read in
// id-ordered batches (keyset pagination), so a 100k-book catalog streams with one batch in memory.
// Each batch is its own short query: nothing holds a transaction open while the file downloads
// (on PGlite that would stall every other request), so the export is not one snapshot.
import type { Db } from "@/lib/db/types";
import { textStream } from "@/lib/text-stream";
import { coverImagePath } from "@/lib/covers/urls";
import { onixMessageChunks, type OnixProductInput, type OnixSender } from "./onix";

export const ONIX_BATCH_BOOKS = 250;

/** Published books (never drafts or hidden ones), as ONIX builder input, one array per batch. */
export async function* publishedOnixBatches(
  db: Db,
  { batchSize = ONIX_BATCH_BOOKS, siteUrl }: { batchSize?: number; siteUrl: string },
): AsyncGenerator<OnixProductInput[]> {
  let afterId = 0;
  for (;;) {
    const books = await db.book.findMany({
      where: { status: "published", id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        title: true,
        subtitle: true,
        description: true,
        teaser: true,
        languages: true,
        seriesPosition: true,
        slug: true,
        coverVersion: true,
        coverImages: {
          where: { format: "original" },
          select: { mediaType: true, width: true, height: true },
        },
        series: { select: { name: true } },
        categories: {
          orderBy: { position: "asc" },
          select: { category: { select: { slug: true, name: true } } },
        },
        contributors: {
          orderBy: [{ position: "asc" }, { contributorId: "asc" }],
          select: { role: true, contributor: { select: { name: true, sortName: true, bio: true } } },
        },
        editions: {
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: {
            id: true,
            format: true,
            formatLabel: true,
            formatIsPlaceholder: true,
            editionLabel: true,
            isbn13: true,
            priceMinor: true,
            currency: true,
            availability: true,
            publisher: true,
            publicationDate: true,
            pageCount: true,
            fileSizeKb: true,
            textToSpeech: true,
            screenReader: true,
            enhancedTypesetting: true,
            wordWise: true,
          },
        },
      },
    });
    if (books.length === 0) return;
    afterId = books[books.length - 1]!.id;
    yield books.flatMap((book) => {
      const onixBook = {
        id: book.id,
        title: book.title,
        subtitle: book.subtitle,
        description: book.description,
        teaser: book.teaser,
        languages: book.languages,
        series: book.series ? { name: book.series.name, position: book.seriesPosition } : null,
        categories: book.categories.map((c) => c.category),
        contributors: book.contributors.map((c) => ({ ...c.contributor, role: c.role })),
        cover:
          book.coverVersion && book.coverImages[0]
            ? {
                ...book.coverImages[0],
                url: `${siteUrl}${coverImagePath(book.slug, { version: book.coverVersion }, "original")}`,
              }
            : null,
      };
      return book.editions.map(
        ({ textToSpeech, screenReader, enhancedTypesetting, wordWise, publicationDate, ...edition }) => ({
          book: onixBook,
          edition: {
            ...edition,
            publicationDate: publicationDate ? publicationDate.toISOString().slice(0, 10) : null,
            readingFeatures: { textToSpeech, screenReader, enhancedTypesetting, wordWise },
          },
        }),
      );
    });
    if (books.length < batchSize) return;
  }
}

/** The ONIX message of the published catalog as UTF-8 bytes, produced as the reader pulls. */
export function onixExportStream(
  db: Db,
  sender: OnixSender,
  { sentAt = new Date(), batchSize }: { sentAt?: Date; batchSize?: number } = {},
): ReadableStream<Uint8Array> {
  return textStream(
    onixMessageChunks(publishedOnixBatches(db, { batchSize, siteUrl: sender.siteUrl }), sender, sentAt),
  );
}
