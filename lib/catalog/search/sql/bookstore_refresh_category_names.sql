-- Book."categoryNames" (read by the generated search vectors) and Book."categoryIds" (read by
-- the lists' category filter and facet): what the book's "BookCategory" rows say, in shelf order.
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
