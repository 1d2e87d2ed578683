-- Book."categoryIds": the ids of the book's categories, as its "BookCategory" rows hold them, so
-- that a list's category filter and category facet read the book's own row (and the list sample's
-- index, see 20261207090000_list_indexes) instead of looking up "BookCategory" per book. Kept with
-- "categoryNames" by the same trigger function; the app never writes it.
ALTER TABLE "Book" ADD COLUMN     "categoryIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

UPDATE "Book" b SET "categoryIds" = ARRAY(SELECT bc."categoryId" FROM "BookCategory" bc
                                           WHERE bc."bookId" = b."id" ORDER BY bc."position", bc."categoryId")
 WHERE EXISTS (SELECT 1 FROM "BookCategory" bc WHERE bc."bookId" = b."id");

-- CreateIndex
CREATE INDEX "Book_categoryIds_idx" ON "Book" USING GIN ("categoryIds");

CREATE OR REPLACE FUNCTION bookstore_refresh_category_names(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET
    "categoryNames" = coalesce((
      SELECT string_agg(c."name", ' ' ORDER BY bc."position", c."name")
        FROM "BookCategory" bc JOIN "Category" c ON c."id" = bc."categoryId"
       WHERE bc."bookId" = b."id"), ''),
    "categoryIds" = ARRAY(SELECT bc."categoryId" FROM "BookCategory" bc
                           WHERE bc."bookId" = b."id" ORDER BY bc."position", bc."categoryId")
   WHERE b."id" = ANY (book_ids)
$$;
