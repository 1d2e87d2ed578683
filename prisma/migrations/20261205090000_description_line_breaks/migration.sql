-- Browsers post a textarea's line breaks as CRLF, and until the listing schema normalised them
-- every admin save stored the description and teaser that way; the product page finds paragraphs
-- at blank lines ("\n\n"), so a saved description showed as one block and the API returned CRLF.
-- Stored text gets LF only, in the books and in their revisions' snapshots (a restore saves a
-- snapshot as it is). A revision's diff entry whose two sides differ only in line breaks recorded
-- no change anyone made: it is dropped, so the history lists only real changes.
UPDATE "Book" SET "description" = regexp_replace("description", E'\r\n?', E'\n', 'g')
 WHERE "description" LIKE E'%\r%';

UPDATE "Book" SET "teaser" = regexp_replace("teaser", E'\r\n?', E'\n', 'g')
 WHERE "teaser" LIKE E'%\r%';

UPDATE "ListingRevision"
   SET "snapshot" = jsonb_set("snapshot", '{description}',
                              to_jsonb(regexp_replace("snapshot"->>'description', E'\r\n?', E'\n', 'g')))
 WHERE "snapshot"->>'description' LIKE E'%\r%';

UPDATE "ListingRevision"
   SET "snapshot" = jsonb_set("snapshot", '{teaser}',
                              to_jsonb(regexp_replace("snapshot"->>'teaser', E'\r\n?', E'\n', 'g')))
 WHERE "snapshot"->>'teaser' LIKE E'%\r%';

UPDATE "ListingRevision" SET "diff" = "diff" - 'description'
 WHERE "diff"->'description' IS NOT NULL
   AND regexp_replace(coalesce("diff"->'description'->>'from', ''), E'\r\n?', E'\n', 'g')
     = regexp_replace(coalesce("diff"->'description'->>'to', ''), E'\r\n?', E'\n', 'g');

UPDATE "ListingRevision" SET "diff" = "diff" - 'teaser'
 WHERE "diff"->'teaser' IS NOT NULL
   AND regexp_replace(coalesce("diff"->'teaser'->>'from', ''), E'\r\n?', E'\n', 'g')
     = regexp_replace(coalesce("diff"->'teaser'->>'to', ''), E'\r\n?', E'\n', 'g');
