-- Renaming a category renames it in the "categoryNames" of every book on it.
CREATE OR REPLACE FUNCTION bookstore_category_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bookstore_refresh_category_names(
    ARRAY(SELECT "bookId" FROM "BookCategory" WHERE "categoryId" = NEW."id"));
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Category_names_trg" AFTER UPDATE OF "name" ON "Category"
  FOR EACH ROW EXECUTE FUNCTION bookstore_category_trg();
