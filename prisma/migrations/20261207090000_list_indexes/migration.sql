-- Catalog lists at 100k books (docs/search.md, "Lists"): one partial index per list order over the
-- books a list can show (published, with an edition for sale), so that a page reads its 24 books
-- in order instead of sorting every listed book; and one in the order of a hash of the id, a
-- fixed pseudo-random order from which the lists draw the sample their totals and facet counts
-- are estimated from; it carries the columns the facets read, so that the sample is read from the
-- index alone (once VACUUM has marked the pages all-visible). Expression and partial indexes:
-- schema.prisma cannot express them.
CREATE INDEX "Book_list_newest_idx" ON "Book" ("publishedAt" DESC NULLS LAST, "id" DESC)
  WHERE "status" = 'published' AND "minPriceCents" IS NOT NULL;
CREATE INDEX "Book_list_price_asc_idx" ON "Book" ("minPriceCents", "id")
  WHERE "status" = 'published' AND "minPriceCents" IS NOT NULL;
CREATE INDEX "Book_list_price_desc_idx" ON "Book" ("minPriceCents" DESC, "id")
  WHERE "status" = 'published' AND "minPriceCents" IS NOT NULL;
CREATE INDEX "Book_list_rating_idx" ON "Book" ("ratingAverage" DESC, "ratingCount" DESC, "id")
  WHERE "status" = 'published' AND "minPriceCents" IS NOT NULL;
CREATE INDEX "Book_list_title_idx" ON "Book" (lower("title"), "id")
  WHERE "status" = 'published' AND "minPriceCents" IS NOT NULL;
CREATE INDEX "Book_list_sample_idx" ON "Book" (hashint4("id"))
  INCLUDE ("id", "languages", "categoryIds", "ratingAverage", "ratingCount")
  WHERE "status" = 'published' AND "minPriceCents" IS NOT NULL;
-- A book's editions for sale with the columns the edition filters and facets read, so that
-- checking a book's editions reads this index alone.
CREATE INDEX "Edition_list_idx" ON "Edition" ("bookId")
  INCLUDE ("format", "priceCents", "availability", "textToSpeech", "screenReader", "enhancedTypesetting", "wordWise")
  WHERE "availability" <> 'discontinued';
