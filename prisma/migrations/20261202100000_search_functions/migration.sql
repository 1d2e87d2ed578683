-- Search's two fixed parts as PL/pgSQL functions: a PL/pgSQL function prepares its queries once
-- per connection, whereas the same SQL inside each search's query was parsed and planned with
-- every search (about half of a one-match search's time). lib/catalog/search.ts calls them.

-- The typo analysis of a search text's positive part (docs/search.md, "Typos"): whether a folded
-- word (3+ letters, no digits) is in no published book, the typo title candidates (titles with a
-- word like an unknown one, kept when the whole text is like the title, best first) and, per
-- unknown word, the nearest known word, preferring words of the three best candidate titles.
CREATE FUNCTION bookstore_search_analysis(p_positive text, p_pool integer, p_candidates integer)
RETURNS TABLE (has_unknown boolean, typo_ids integer[], corrections json)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH f AS (SELECT bookstore_fold(p_positive) AS folded),
  unknown AS MATERIALIZED (
    SELECT DISTINCT w.word FROM f, regexp_split_to_table(f.folded, '[^[:alnum:]]+') AS w(word)
     WHERE length(w.word) >= 3 AND w.word !~ '[0-9]'
       AND EXISTS (SELECT 1 FROM "SearchWord")
       AND NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."word" = w.word)),
  pool AS MATERIALIZED (
    SELECT DISTINCT c."id", c.title FROM unknown u CROSS JOIN LATERAL (
      SELECT b."id", bookstore_fold(b."title") AS title FROM "Book" b
       WHERE u.word <% bookstore_fold(b."title") AND b."status" = 'published'
       LIMIT p_pool) c),
  typo AS MATERIALIZED (
    SELECT p."id", p.title, strict_word_similarity(f.folded, p.title) AS similarity
      FROM pool p, f WHERE f.folded <<% p.title
     ORDER BY similarity DESC, p."id" LIMIT p_candidates),
  context AS (
    SELECT DISTINCT w.word FROM (SELECT t.title FROM typo t ORDER BY t.similarity DESC, t."id" LIMIT 3) t,
           regexp_split_to_table(t.title, '[^[:alnum:]]+') AS w(word)
     WHERE length(w.word) >= 3)
  SELECT EXISTS (SELECT 1 FROM unknown),
         (SELECT array_agg(t."id" ORDER BY t.similarity DESC, t."id") FROM typo t),
         (SELECT json_object_agg(u.word, c."word") FROM unknown u CROSS JOIN LATERAL (
            SELECT sw."word" FROM "SearchWord" sw
             WHERE sw."word" % u.word
             ORDER BY sw."word" IN (SELECT x.word FROM context x) DESC,
                      similarity(sw."word", u.word) DESC, sw."ndoc" DESC, sw."word"
             LIMIT 1) c);
END $$;

-- A page of search hits: each book's lists as toBookSummary reads them (contributors, categories
-- and editions as JSON, each aggregated once for the whole page) and its ts_headline snippet of
-- the description, with the matched words between the StartSel/StopSel of p_options (the
-- sentinels of lib/catalog/snippet.ts, removed from the text first), in the language whose
-- vector matches.
CREATE FUNCTION bookstore_search_hits(p_ids integer[], p_en tsquery, p_es tsquery, p_options text)
RETURNS TABLE (book_id integer, contributors json, categories json, editions json, snippet text)
LANGUAGE plpgsql STABLE AS $$
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
  SELECT b."id", coalesce(credits.list, '[]'), coalesce(shelves.list, '[]'), coalesce(formats.list, '[]'),
         ts_headline(
           CASE WHEN b."searchEs" @@ p_es THEN 'bookstore_es' ELSE 'bookstore_en' END::regconfig,
           translate(coalesce(b."description", b."teaser", b."subtitle", ''), chr(1) || chr(2), ''),
           CASE WHEN b."searchEs" @@ p_es THEN p_es ELSE p_en END,
           p_options)
    FROM "Book" b
    LEFT JOIN credits ON credits."bookId" = b."id"
    LEFT JOIN shelves ON shelves."bookId" = b."id"
    LEFT JOIN formats ON formats."bookId" = b."id"
   WHERE b."id" = ANY (p_ids);
END $$;
