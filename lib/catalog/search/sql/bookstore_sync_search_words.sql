-- Keeps the search vocabulary exact whatever writes a book: adds the words of rows that become
-- (or stay) published and takes away those of rows that stop being published, change their text
-- or are deleted. Statement-level, so one import of many books applies one delta.
CREATE OR REPLACE FUNCTION bookstore_sync_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta_words text[];
  delta_counts integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(w ORDER BY w), array_agg(n ORDER BY w) INTO delta_words, delta_counts FROM (
      SELECT w, count(*)::integer AS n FROM new_rows b,
             bookstore_book_words(b."title", b."subtitle", b."contributorNames", b."seriesName",
                                  b."categoryNames", coalesce(b."description", b."teaser")) AS w
       WHERE b."status" = 'published' GROUP BY w) d;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(w ORDER BY w), array_agg(n ORDER BY w) INTO delta_words, delta_counts FROM (
      SELECT w, -count(*)::integer AS n FROM old_rows b,
             bookstore_book_words(b."title", b."subtitle", b."contributorNames", b."seriesName",
                                  b."categoryNames", coalesce(b."description", b."teaser")) AS w
       WHERE b."status" = 'published' GROUP BY w) d;
  ELSE
    -- Only rows whose published state or searchable text changed (ratings, prices and the like
    -- update "Book" often and change no word).
    SELECT array_agg(w ORDER BY w), array_agg(n ORDER BY w) INTO delta_words, delta_counts FROM (
      SELECT w, sum(d)::integer AS n FROM (
        SELECT o."id", o."status" = 'published' AS was, n."status" = 'published' AS is_now,
               o."title" AS o_title, o."subtitle" AS o_subtitle, o."contributorNames" AS o_names,
               o."seriesName" AS o_series, o."categoryNames" AS o_categories,
               coalesce(o."description", o."teaser") AS o_text,
               n."title" AS n_title, n."subtitle" AS n_subtitle, n."contributorNames" AS n_names,
               n."seriesName" AS n_series, n."categoryNames" AS n_categories,
               coalesce(n."description", n."teaser") AS n_text
          FROM old_rows o JOIN new_rows n ON n."id" = o."id"
         WHERE (o."status" = 'published' OR n."status" = 'published')
           AND ((o."status" = 'published') IS DISTINCT FROM (n."status" = 'published')
             OR (o."title", o."subtitle", o."contributorNames", o."seriesName", o."categoryNames",
                 coalesce(o."description", o."teaser"))
                IS DISTINCT FROM
                (n."title", n."subtitle", n."contributorNames", n."seriesName", n."categoryNames",
                 coalesce(n."description", n."teaser")))) c
      CROSS JOIN LATERAL (
        SELECT w, -1 AS d FROM bookstore_book_words(c.o_title, c.o_subtitle, c.o_names, c.o_series,
                                                    c.o_categories, c.o_text) AS w WHERE c.was
        UNION ALL
        SELECT w, 1 FROM bookstore_book_words(c.n_title, c.n_subtitle, c.n_names, c.n_series,
                                              c.n_categories, c.n_text) AS w WHERE c.is_now) x
      GROUP BY w HAVING sum(d) <> 0) d;
  END IF;
  IF delta_words IS NOT NULL THEN
    PERFORM bookstore_apply_search_word_delta(delta_words, delta_counts);
  END IF;
  RETURN NULL;
END $$;

-- Transition tables allow one event per trigger.
CREATE OR REPLACE TRIGGER "Book_search_words_insert_trg" AFTER INSERT ON "Book"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bookstore_sync_search_words();

CREATE OR REPLACE TRIGGER "Book_search_words_update_trg" AFTER UPDATE ON "Book"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bookstore_sync_search_words();

CREATE OR REPLACE TRIGGER "Book_search_words_delete_trg" AFTER DELETE ON "Book"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bookstore_sync_search_words();
