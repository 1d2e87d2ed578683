-- Migration 20261201090000_search added the name columns the search vectors read, and the triggers
-- that keep them current, but filled none: books that existed before it kept empty names, so a
-- search could not find them by contributor, series or category (nor suggest those words). Fill
-- the names of every book whose names are missing, through the same functions the triggers use
-- (no book of a database created since has any missing), then rebuild the vocabulary.
SELECT bookstore_refresh_contributor_names(ARRAY(
  SELECT b."id" FROM "Book" b
   WHERE b."contributorNames" = '' AND EXISTS (SELECT 1 FROM "BookContributor" bc WHERE bc."bookId" = b."id")));

SELECT bookstore_refresh_category_names(ARRAY(
  SELECT b."id" FROM "Book" b
   WHERE b."categoryNames" = '' AND EXISTS (SELECT 1 FROM "BookCategory" bc WHERE bc."bookId" = b."id")));

UPDATE "Book" b SET "seriesName" = s."name"
  FROM "Series" s
 WHERE s."id" = b."seriesId" AND b."seriesName" = '';

SELECT bookstore_refresh_search_words();
