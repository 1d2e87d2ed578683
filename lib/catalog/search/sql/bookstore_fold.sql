-- Immutable folding for trigram indexes (unaccent() itself is STABLE). Schema-qualified so a
-- pg_dump restore finds the dictionary.
CREATE OR REPLACE FUNCTION bookstore_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
