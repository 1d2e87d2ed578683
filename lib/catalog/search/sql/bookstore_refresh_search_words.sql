-- Rebuilds the whole search vocabulary ("SearchWord") from the published books: after seeds and
-- repairs (lib/catalog/search.ts refreshSearchVocabulary); the triggers of
-- bookstore_sync_search_words.sql keep it exact between rebuilds.
CREATE OR REPLACE FUNCTION bookstore_refresh_search_words() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "SearchWord";
  INSERT INTO "SearchWord" ("word", "ndoc")
  SELECT word, ndoc FROM ts_stat($q$SELECT to_tsvector('simple', bookstore_fold(concat_ws(' ',
           "title", "subtitle", "contributorNames", "seriesName", "categoryNames",
           coalesce("description", "teaser")))) FROM "Book" WHERE "status" = 'published'$q$)
   WHERE length(word) >= 3 AND word !~ '[0-9]';
$$;
