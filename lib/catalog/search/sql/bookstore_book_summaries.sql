-- A page of book summaries in one statement: each book's contributors, categories and editions as
-- JSON in the shapes toBookSummary reads (lib/catalog/books.ts), each list aggregated once for the
-- whole page. Prisma's include took six queries one after another for the same page. PL/pgSQL, so
-- that its query is planned once per connection; ROWS 24 (a page, not the default 1,000) so that
-- the caller's join to "Book" is planned as index lookups, not a scan of every book.
CREATE OR REPLACE FUNCTION bookstore_book_summaries(p_ids integer[])
RETURNS TABLE (book_id integer, contributors json, categories json, editions json)
LANGUAGE plpgsql STABLE ROWS 24 AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH credits AS (
    SELECT bc."bookId", json_agg(json_build_object('role', bc."role", 'note', bc."note",
             'contributor', json_build_object('slug', c."slug", 'name', c."name"))
             ORDER BY bc."position", bc."contributorId", bc."role") AS list
      FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId"
     WHERE bc."bookId" = ANY (p_ids) GROUP BY bc."bookId"),
  shelves AS (
    SELECT bc."bookId", json_agg(json_build_object('category', json_build_object('slug', c."slug", 'name', c."name"))
             ORDER BY bc."position", bc."categoryId") AS list
      FROM "BookCategory" bc JOIN "Category" c ON c."id" = bc."categoryId"
     WHERE bc."bookId" = ANY (p_ids) GROUP BY bc."bookId"),
  formats AS (
    SELECT e."bookId", json_agg(json_build_object('priceCents', e."priceCents", 'currency', e."currency",
             'format', e."format", 'formatLabel', e."formatLabel") ORDER BY e."position", e."id") AS list
      FROM "Edition" e WHERE e."bookId" = ANY (p_ids) GROUP BY e."bookId")
  SELECT b."id", coalesce(credits.list, '[]'), coalesce(shelves.list, '[]'), coalesce(formats.list, '[]')
    FROM "Book" b
    LEFT JOIN credits ON credits."bookId" = b."id"
    LEFT JOIN shelves ON shelves."bookId" = b."id"
    LEFT JOIN formats ON formats."bookId" = b."id"
   WHERE b."id" = ANY (p_ids);
END $$;
