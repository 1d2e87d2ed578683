-- Book."minPriceCents": the price of the book's cheapest edition that is not discontinued; NULL
-- when every edition is, and such a book is in no list or search (docs/search.md).
CREATE OR REPLACE FUNCTION bookstore_refresh_min_price(book_ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Book" b SET "minPriceCents" = a.price
    FROM (SELECT x.id, (SELECT min(e."priceCents") FROM "Edition" e
                         WHERE e."bookId" = x.id AND e."availability" <> 'discontinued') AS price
            FROM unnest(book_ids) AS x(id)) a
   WHERE b."id" = a.id AND b."minPriceCents" IS DISTINCT FROM a.price
$$;
