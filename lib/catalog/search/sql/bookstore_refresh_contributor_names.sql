-- Book."contributorNames" (read by the generated search vectors, which cannot look at other
-- tables): the names of the book's contributors, in name order.
CREATE OR REPLACE FUNCTION bookstore_refresh_contributor_names(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "contributorNames" = coalesce((
      SELECT string_agg(c."name", ' ' ORDER BY c."name")
        FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId"
       WHERE bc."bookId" = b."id"), '')
   WHERE b."id" = ANY (book_ids)
$$;
