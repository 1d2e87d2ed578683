-- The language filter (`languages @> ARRAY[…]`) through a GIN index: a search for an English word
-- among Spanish books no longer reads every book that has the word to find the Spanish ones; the
-- planner combines the two indexes (BitmapAnd).
CREATE INDEX "Book_languages_idx" ON "Book" USING GIN ("languages");
