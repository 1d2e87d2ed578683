-- Search: English/Spanish full-text search with accent folding, trigram typo tolerance and a
-- vocabulary for "did you mean". See docs/search.md. Proven on PGlite and PostgreSQL 15.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent (a filter dictionary) runs before the Snowball stemmer: "educación" and "educacion"
-- stem alike. ASCII token types need no folding.
CREATE TEXT SEARCH CONFIGURATION bookstore_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION bookstore_en ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION bookstore_es (COPY = pg_catalog.spanish);
ALTER TEXT SEARCH CONFIGURATION bookstore_es ALTER MAPPING FOR word, hword, hword_part WITH unaccent, spanish_stem;

-- Immutable folding for trigram indexes (unaccent() itself is STABLE). Schema-qualified so a
-- pg_dump restore finds the dictionary.
CREATE FUNCTION bookstore_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Denormalised names the generated vectors read (a generated column cannot look at other
-- tables); the triggers below keep them current.
ALTER TABLE "Book" ADD COLUMN "contributorNames" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Book" ADD COLUMN "seriesName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Book" ADD COLUMN "categoryNames" TEXT NOT NULL DEFAULT '';

-- One vector per language (one combined vector breaks exclusions). English unless Spanish-only;
-- Spanish when 'es' is listed. A title; B subtitle, contributors, series; C categories and the
-- description (the teaser when there is none).
ALTER TABLE "Book" ADD COLUMN "searchEn" tsvector GENERATED ALWAYS AS (
  CASE WHEN 'es' = ANY ("languages") AND NOT 'en' = ANY ("languages") THEN NULL ELSE
       setweight(to_tsvector('bookstore_en', coalesce("title", '')), 'A')
    || setweight(to_tsvector('bookstore_en', coalesce("subtitle", '') || ' ' || "contributorNames" || ' ' || "seriesName"), 'B')
    || setweight(to_tsvector('bookstore_en', "categoryNames" || ' ' || coalesce("description", "teaser", '')), 'C')
  END) STORED;
ALTER TABLE "Book" ADD COLUMN "searchEs" tsvector GENERATED ALWAYS AS (
  CASE WHEN 'es' = ANY ("languages") THEN
       setweight(to_tsvector('bookstore_es', coalesce("title", '')), 'A')
    || setweight(to_tsvector('bookstore_es', coalesce("subtitle", '') || ' ' || "contributorNames" || ' ' || "seriesName"), 'B')
    || setweight(to_tsvector('bookstore_es', "categoryNames" || ' ' || coalesce("description", "teaser", '')), 'C')
  END) STORED;
CREATE INDEX "Book_searchEn_idx" ON "Book" USING GIN ("searchEn");
CREATE INDEX "Book_searchEs_idx" ON "Book" USING GIN ("searchEs");
CREATE INDEX "Book_title_fold_trgm_idx" ON "Book" USING GIN (bookstore_fold("title") gin_trgm_ops);

-- Known surface words of published books: typo detection and "did you mean". Refreshed after
-- seeds and imports (lib/catalog/search.ts refreshSearchVocabulary), then VACUUM ANALYZE.
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "ndoc" INTEGER NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

CREATE FUNCTION bookstore_refresh_search_words() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "SearchWord";
  INSERT INTO "SearchWord" ("word", "ndoc")
  SELECT word, ndoc FROM ts_stat($q$SELECT to_tsvector('simple', bookstore_fold(concat_ws(' ',
           "title", "subtitle", "contributorNames", "seriesName", "categoryNames",
           coalesce("description", "teaser")))) FROM "Book" WHERE "status" = 'published'$q$)
   WHERE length(word) >= 3 AND word !~ '[0-9]';
$$;

-- Adds the words of some books (after an admin save); counts are approximate until the next
-- full refresh, and words a book no longer has stay until then.
CREATE FUNCTION bookstore_add_search_words(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchWord" ("word", "ndoc")
  SELECT w.word, count(*)::integer
    FROM "Book" b,
         unnest(tsvector_to_array(to_tsvector('simple', bookstore_fold(concat_ws(' ',
           b."title", b."subtitle", b."contributorNames", b."seriesName", b."categoryNames",
           coalesce(b."description", b."teaser")))))) AS w(word)
   WHERE b."id" = ANY (book_ids) AND b."status" = 'published'
     AND length(w.word) >= 3 AND w.word !~ '[0-9]'
   GROUP BY w.word
  ON CONFLICT ("word") DO UPDATE SET "ndoc" = "SearchWord"."ndoc" + 1;
$$;

-- Keep "contributorNames" in sync.
CREATE FUNCTION bookstore_refresh_contributor_names(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "contributorNames" = coalesce((
      SELECT string_agg(c."name", ' ' ORDER BY c."name")
        FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId"
       WHERE bc."bookId" = b."id"), '')
   WHERE b."id" = ANY (book_ids)
$$;
CREATE FUNCTION bookstore_book_contributor_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_contributor_names(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM bookstore_refresh_contributor_names(ARRAY[OLD."bookId"]); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "BookContributor_names_trg" AFTER INSERT OR UPDATE OR DELETE ON "BookContributor"
  FOR EACH ROW EXECUTE FUNCTION bookstore_book_contributor_trg();
CREATE FUNCTION bookstore_contributor_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bookstore_refresh_contributor_names(
    ARRAY(SELECT "bookId" FROM "BookContributor" WHERE "contributorId" = NEW."id"));
  RETURN NULL;
END $$;
CREATE TRIGGER "Contributor_names_trg" AFTER UPDATE OF "name" ON "Contributor"
  FOR EACH ROW EXECUTE FUNCTION bookstore_contributor_trg();

-- Keep "categoryNames" in sync.
CREATE FUNCTION bookstore_refresh_category_names(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "categoryNames" = coalesce((
      SELECT string_agg(c."name", ' ' ORDER BY bc."position", c."name")
        FROM "BookCategory" bc JOIN "Category" c ON c."id" = bc."categoryId"
       WHERE bc."bookId" = b."id"), '')
   WHERE b."id" = ANY (book_ids)
$$;
CREATE FUNCTION bookstore_book_category_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_category_names(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM bookstore_refresh_category_names(ARRAY[OLD."bookId"]); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "BookCategory_names_trg" AFTER INSERT OR UPDATE OR DELETE ON "BookCategory"
  FOR EACH ROW EXECUTE FUNCTION bookstore_book_category_trg();
CREATE FUNCTION bookstore_category_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bookstore_refresh_category_names(
    ARRAY(SELECT "bookId" FROM "BookCategory" WHERE "categoryId" = NEW."id"));
  RETURN NULL;
END $$;
CREATE TRIGGER "Category_names_trg" AFTER UPDATE OF "name" ON "Category"
  FOR EACH ROW EXECUTE FUNCTION bookstore_category_trg();

-- Keep "seriesName" in sync: set on the row itself when a book joins a series (before the
-- generated vectors are computed), and on every book of a series it is renamed.
CREATE FUNCTION bookstore_book_series_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."seriesName" := coalesce((SELECT s."name" FROM "Series" s WHERE s."id" = NEW."seriesId"), '');
  RETURN NEW;
END $$;
CREATE TRIGGER "Book_series_name_trg" BEFORE INSERT OR UPDATE OF "seriesId" ON "Book"
  FOR EACH ROW EXECUTE FUNCTION bookstore_book_series_trg();
CREATE FUNCTION bookstore_series_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Book" SET "seriesName" = NEW."name" WHERE "seriesId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "Series_names_trg" AFTER UPDATE OF "name" ON "Series"
  FOR EACH ROW EXECUTE FUNCTION bookstore_series_trg();
