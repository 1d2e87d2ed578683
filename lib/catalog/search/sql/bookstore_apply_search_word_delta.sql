-- Adds each count to its word in one statement, in word order (so concurrent saves take the rows'
-- locks in the same order and cannot deadlock), then forgets words no published book has.
CREATE OR REPLACE FUNCTION bookstore_apply_search_word_delta(p_words text[], p_counts integer[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchWord" ("word", "ndoc")
  SELECT d.w, d.c FROM unnest(p_words, p_counts) AS d(w, c) ORDER BY d.w
  ON CONFLICT ("word") DO UPDATE SET "ndoc" = "SearchWord"."ndoc" + EXCLUDED."ndoc";
  DELETE FROM "SearchWord" s USING unnest(p_words) AS d(w) WHERE s."word" = d.w AND s."ndoc" <= 0;
$$;
