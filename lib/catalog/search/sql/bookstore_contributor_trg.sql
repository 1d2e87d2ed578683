-- Renaming a contributor renames them in the "contributorNames" of every book they are credited on.
CREATE OR REPLACE FUNCTION bookstore_contributor_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bookstore_refresh_contributor_names(
    ARRAY(SELECT "bookId" FROM "BookContributor" WHERE "contributorId" = NEW."id"));
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Contributor_names_trg" AFTER UPDATE OF "name" ON "Contributor"
  FOR EACH ROW EXECUTE FUNCTION bookstore_contributor_trg();
