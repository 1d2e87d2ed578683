-- Extensions for search: accent folding and trigram similarity (typo tolerance).
-- PGlite loads them from @electric-sql/pglite/contrib (see lib/db/adapters.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
