-- Keeps a book's "contributorNames" current when its credits change.
CREATE OR REPLACE FUNCTION bookstore_book_contributor_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM bookstore_refresh_contributor_names(ARRAY[NEW."bookId"]); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM bookstore_refresh_contributor_names(ARRAY[OLD."bookId"]); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "BookContributor_names_trg" AFTER INSERT OR UPDATE OR DELETE ON "BookContributor"
  FOR EACH ROW EXECUTE FUNCTION bookstore_book_contributor_trg();
