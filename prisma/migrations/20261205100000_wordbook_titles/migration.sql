-- The seed catalog was scraped from a listing page that dropped the slashes of two bilingual titles
-- ("Schoolla Escuela Wordbookslibros De Palabras" is "School / la Escuela (Wordbooks / Libros de
-- Palabras)"; "Foodla Comida" is "Food / la Comida"), and the store printed them, and slugs made
-- from them, as they were. The seed is corrected; this corrects databases seeded before, but only
-- where staff have not edited the title: a title other than the scraped one is left alone. The
-- slug follows when it is still the scraped one and the new slug is free, and the old slug keeps
-- answering with a 308 to the new one (SlugRedirect, as for a rename in the editor). A renamed book
-- gets a new version, so an editor opened on the old one cannot save the old title back unawares.
WITH renamed AS (
  UPDATE "Book" b
     SET "title" = 'School / la Escuela (Wordbooks / Libros de Palabras)',
         "slug" = CASE
           WHEN b."slug" = 'schoolla-escuela-wordbookslibros-de-palabras'
            AND NOT EXISTS (SELECT 1 FROM "Book" o WHERE o."slug" = 'school-la-escuela-wordbooks-libros-de-palabras')
            AND NOT EXISTS (SELECT 1 FROM "SlugRedirect" r WHERE r."fromSlug" = 'school-la-escuela-wordbooks-libros-de-palabras')
           THEN 'school-la-escuela-wordbooks-libros-de-palabras' ELSE b."slug" END,
         "version" = b."version" + 1,
         "updatedAt" = CURRENT_TIMESTAMP
   WHERE b."title" = 'Schoolla Escuela Wordbookslibros De Palabras'
  RETURNING b."id", b."slug")
INSERT INTO "SlugRedirect" ("fromSlug", "bookId")
SELECT 'schoolla-escuela-wordbookslibros-de-palabras', "id" FROM renamed
 WHERE "slug" = 'school-la-escuela-wordbooks-libros-de-palabras'
ON CONFLICT ("fromSlug") DO UPDATE SET "bookId" = EXCLUDED."bookId";

WITH renamed AS (
  UPDATE "Book" b
     SET "title" = 'A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)',
         "slug" = CASE
           WHEN b."slug" = 'a-delicious-journey-through-foodla-comida-wordbookslibros-de-palabras'
            AND NOT EXISTS (SELECT 1 FROM "Book" o WHERE o."slug" = 'a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras')
            AND NOT EXISTS (SELECT 1 FROM "SlugRedirect" r WHERE r."fromSlug" = 'a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras')
           THEN 'a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras' ELSE b."slug" END,
         "version" = b."version" + 1,
         "updatedAt" = CURRENT_TIMESTAMP
   WHERE b."title" = 'A Delicious Journey through Foodla Comida Wordbookslibros De Palabras'
  RETURNING b."id", b."slug")
INSERT INTO "SlugRedirect" ("fromSlug", "bookId")
SELECT 'a-delicious-journey-through-foodla-comida-wordbookslibros-de-palabras', "id" FROM renamed
 WHERE "slug" = 'a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras'
ON CONFLICT ("fromSlug") DO UPDATE SET "bookId" = EXCLUDED."bookId";

-- The same dropped slashes in that book's teaser (which the seed also made its description),
-- where it is still the scraped text.
UPDATE "Book"
   SET "teaser" = replace("teaser", 'Foodla Comida Wordbookslibros De Palabras', 'Food / la Comida (Wordbooks / Libros de Palabras)')
 WHERE "teaser" = 'Welcome to the world of Foodla Comida Wordbookslibros De Palabras, where colorful illustrations and engaging words come together to create a delightful learning...';

UPDATE "Book"
   SET "description" = replace("description", 'Foodla Comida Wordbookslibros De Palabras', 'Food / la Comida (Wordbooks / Libros de Palabras)')
 WHERE "description" = 'Welcome to the world of Foodla Comida Wordbookslibros De Palabras, where colorful illustrations and engaging words come together to create a delightful learning...';

-- Search and "did you mean" know the corrected words (and forget "schoolla", "wordbookslibros")
-- once a title was corrected; on a database without those books there is nothing to rebuild.
SELECT bookstore_refresh_search_words()
 WHERE EXISTS (SELECT 1 FROM "Book" WHERE "title" IN (
   'School / la Escuela (Wordbooks / Libros de Palabras)',
   'A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)'));
