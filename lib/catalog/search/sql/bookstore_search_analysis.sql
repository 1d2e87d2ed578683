-- The typo analysis of a search text's positive part (docs/search.md, "Typos"): whether a folded
-- word (3+ letters, no digits) is in no published book, the typo title candidates (titles with a
-- word like an unknown one, kept when the whole text is like the title, best first) and, per
-- unknown word, the nearest known word, preferring words of the three best candidate titles.
CREATE OR REPLACE FUNCTION bookstore_search_analysis(p_positive text, p_pool integer, p_candidates integer)
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
