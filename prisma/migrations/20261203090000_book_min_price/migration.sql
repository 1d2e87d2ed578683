-- Book."minPriceCents": the price of the book's cheapest edition that is not discontinued, what
-- the price sorts order by when no edition filter is set. Kept, with "hasActiveEdition", by the
-- trigger on "Edition" (now also on price changes), so that sorting a list by price reads one
-- indexed column instead of looking up every matching book's editions.
ALTER TABLE "Book" ADD COLUMN "minPriceCents" INTEGER;

UPDATE "Book" b SET "minPriceCents" = (SELECT min(e."priceCents") FROM "Edition" e
                                        WHERE e."bookId" = b."id" AND e."availability" <> 'discontinued');

CREATE INDEX "Book_status_minPriceCents_idx" ON "Book"("status", "minPriceCents");

CREATE OR REPLACE FUNCTION bookstore_refresh_active_edition(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "hasActiveEdition" = a.price IS NOT NULL, "minPriceCents" = a.price
    FROM (SELECT x.id, (SELECT min(e."priceCents") FROM "Edition" e
                         WHERE e."bookId" = x.id AND e."availability" <> 'discontinued') AS price
            FROM unnest(book_ids) AS x(id)) a
   WHERE b."id" = a.id AND b."minPriceCents" IS DISTINCT FROM a.price
$$;

DROP TRIGGER "Edition_active_trg" ON "Edition";
CREATE TRIGGER "Edition_active_trg" AFTER INSERT OR UPDATE OF "availability", "bookId", "priceCents" OR DELETE ON "Edition"
  FOR EACH ROW EXECUTE FUNCTION bookstore_edition_active_trg();
