-- Keeps Book."minPriceCents" current on every edition write, for the book it left as well.
CREATE OR REPLACE FUNCTION bookstore_edition_price_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_min_price(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."bookId" <> NEW."bookId") THEN
    PERFORM bookstore_refresh_min_price(ARRAY[OLD."bookId"]);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Edition_min_price_trg" AFTER INSERT OR UPDATE OF "availability", "bookId", "priceCents" OR DELETE ON "Edition"
  FOR EACH ROW EXECUTE FUNCTION bookstore_edition_price_trg();
