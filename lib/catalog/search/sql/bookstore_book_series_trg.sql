-- Keep "seriesName" in sync: set on the row itself when a book joins a series (before the
-- generated vectors are computed), and on every book of a series it is renamed.
CREATE OR REPLACE FUNCTION bookstore_book_series_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."seriesName" := coalesce((SELECT s."name" FROM "Series" s WHERE s."id" = NEW."seriesId"), '');
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER "Book_series_name_trg" BEFORE INSERT OR UPDATE OF "seriesId" ON "Book"
  FOR EACH ROW EXECUTE FUNCTION bookstore_book_series_trg();
