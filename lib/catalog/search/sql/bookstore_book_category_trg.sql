-- Keeps a book's "categoryNames" and "categoryIds" current when its shelves change.
CREATE OR REPLACE FUNCTION bookstore_book_category_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_category_names(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM bookstore_refresh_category_names(ARRAY[OLD."bookId"]); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "BookCategory_names_trg" AFTER INSERT OR UPDATE OR DELETE ON "BookCategory"
  FOR EACH ROW EXECUTE FUNCTION bookstore_book_category_trg();
