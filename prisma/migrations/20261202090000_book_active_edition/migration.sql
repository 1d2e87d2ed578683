-- Book."hasActiveEdition": whether the book has an edition that is not discontinued, which every
-- list and search requires. Kept by a trigger on "Edition" (the app never writes it), so that a
-- search's window (docs/search.md) needs no edition lookup per matching book.
ALTER TABLE "Book" ADD COLUMN "hasActiveEdition" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Book" b SET "hasActiveEdition" = true
 WHERE EXISTS (SELECT 1 FROM "Edition" e WHERE e."bookId" = b."id" AND e."availability" <> 'discontinued');

CREATE FUNCTION bookstore_refresh_active_edition(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "hasActiveEdition" = a.active
    FROM (SELECT x.id, EXISTS (SELECT 1 FROM "Edition" e
                                WHERE e."bookId" = x.id AND e."availability" <> 'discontinued') AS active
            FROM unnest(book_ids) AS x(id)) a
   WHERE b."id" = a.id AND b."hasActiveEdition" IS DISTINCT FROM a.active
$$;

CREATE FUNCTION bookstore_edition_active_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_active_edition(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."bookId" <> NEW."bookId") THEN
    PERFORM bookstore_refresh_active_edition(ARRAY[OLD."bookId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Edition_active_trg" AFTER INSERT OR UPDATE OF "availability", "bookId" OR DELETE ON "Edition"
  FOR EACH ROW EXECUTE FUNCTION bookstore_edition_active_trg();
