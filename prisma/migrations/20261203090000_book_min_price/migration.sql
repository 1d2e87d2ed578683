-- Book."minPriceCents": the price of the book's cheapest edition that is not discontinued; NULL
-- when every edition is discontinued (or there is none), and such a book is in no list. It
-- replaces "hasActiveEdition" (which said only the second half) and is kept by the trigger on
-- "Edition", now also on price changes, so that lists and searches need no edition lookup per
-- book for either, and a price sort without edition filters reads one indexed column.
ALTER TABLE "Book" ADD COLUMN "minPriceCents" INTEGER;

UPDATE "Book" b SET "minPriceCents" = (SELECT min(e."priceCents") FROM "Edition" e
                                        WHERE e."bookId" = b."id" AND e."availability" <> 'discontinued');

CREATE INDEX "Book_status_minPriceCents_idx" ON "Book"("status", "minPriceCents");

CREATE FUNCTION bookstore_refresh_min_price(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "minPriceCents" = a.price
    FROM (SELECT x.id, (SELECT min(e."priceCents") FROM "Edition" e
                         WHERE e."bookId" = x.id AND e."availability" <> 'discontinued') AS price
            FROM unnest(book_ids) AS x(id)) a
   WHERE b."id" = a.id AND b."minPriceCents" IS DISTINCT FROM a.price
$$;

CREATE FUNCTION bookstore_edition_price_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_min_price(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."bookId" <> NEW."bookId") THEN
    PERFORM bookstore_refresh_min_price(ARRAY[OLD."bookId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Edition_min_price_trg" AFTER INSERT OR UPDATE OF "availability", "bookId", "priceCents" OR DELETE ON "Edition"
  FOR EACH ROW EXECUTE FUNCTION bookstore_edition_price_trg();

DROP TRIGGER "Edition_active_trg" ON "Edition";
DROP FUNCTION bookstore_edition_active_trg();
DROP FUNCTION bookstore_refresh_active_edition(integer[]);
ALTER TABLE "Book" DROP COLUMN "hasActiveEdition";
