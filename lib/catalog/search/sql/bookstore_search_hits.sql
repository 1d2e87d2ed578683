-- A page of search hits: each book's lists as toBookSummary reads them (contributors, categories
-- and editions as JSON, each aggregated once for the whole page), its ts_headline snippet of the
-- description, its whole title and its contributors' names (in the order of the contributors
-- list), each with the matched words between the StartSel/StopSel of p_options and
-- p_title_options (the sentinels of lib/catalog/snippet.ts, removed from the text first), in the
-- language whose vector matches (chosen once per book, in "page").
CREATE OR REPLACE FUNCTION bookstore_search_hits(p_ids integer[], p_en tsquery, p_es tsquery, p_options text,
                                      p_title_options text)
RETURNS TABLE (book_id integer, contributors json, categories json, editions json, snippet text,
               title_marks text, name_marks text[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH page AS MATERIALIZED (
    SELECT b."id", CASE WHEN b."searchEs" @@ p_es THEN 'bookstore_es' ELSE 'bookstore_en' END::regconfig AS config,
           CASE WHEN b."searchEs" @@ p_es THEN p_es ELSE p_en END AS query
      FROM "Book" b WHERE b."id" = ANY (p_ids)),
  credits AS (
    SELECT bc."bookId", json_agg(json_build_object('role', bc."role", 'note', bc."note",
             'contributor', json_build_object('slug', c."slug", 'name', c."name"))
             ORDER BY bc."position", bc."contributorId", bc."role") AS list,
           array_agg(ts_headline(page.config, translate(c."name", chr(1) || chr(2), ''), page.query, p_title_options)
                     ORDER BY bc."position", bc."contributorId", bc."role") AS marks
      FROM page JOIN "BookContributor" bc ON bc."bookId" = page."id" JOIN "Contributor" c ON c."id" = bc."contributorId"
     GROUP BY bc."bookId"),
  shelves AS (
    SELECT bc."bookId", json_agg(json_build_object('category', json_build_object('slug', c."slug", 'name', c."name"))
             ORDER BY bc."position", bc."categoryId") AS list
      FROM "BookCategory" bc JOIN "Category" c ON c."id" = bc."categoryId"
     WHERE bc."bookId" = ANY (p_ids) GROUP BY bc."bookId"),
  formats AS (
    SELECT e."bookId", json_agg(json_build_object('priceCents', e."priceCents", 'currency', e."currency",
             'format', e."format", 'formatLabel', e."formatLabel") ORDER BY e."position", e."id") AS list
      FROM "Edition" e WHERE e."bookId" = ANY (p_ids) GROUP BY e."bookId")
  SELECT b."id", coalesce(credits.list, '[]'), coalesce(shelves.list, '[]'), coalesce(formats.list, '[]'),
         ts_headline(page.config, translate(coalesce(b."description", b."teaser", b."subtitle", ''), chr(1) || chr(2), ''),
                     page.query, p_options),
         ts_headline(page.config, translate(b."title", chr(1) || chr(2), ''), page.query, p_title_options),
         coalesce(credits.marks, '{}')
    FROM "Book" b
    JOIN page ON page."id" = b."id"
    LEFT JOIN credits ON credits."bookId" = b."id"
    LEFT JOIN shelves ON shelves."bookId" = b."id"
    LEFT JOIN formats ON formats."bookId" = b."id"
   WHERE b."id" = ANY (p_ids);
END $$;
