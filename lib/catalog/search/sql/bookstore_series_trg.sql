-- Renaming a series renames it in the "seriesName" of every book in it.
CREATE OR REPLACE FUNCTION bookstore_series_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Book" SET "seriesName" = NEW."name" WHERE "seriesId" = NEW."id";
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Series_names_trg" AFTER UPDATE OF "name" ON "Series"
  FOR EACH ROW EXECUTE FUNCTION bookstore_series_trg();
