-- A book's words as the vocabulary counts them: the folded words (3+ letters, no digits) of the
-- text bookstore_refresh_search_words reads, each once.
CREATE OR REPLACE FUNCTION bookstore_book_words(p_title text, p_subtitle text, p_names text, p_series text,
                                     p_categories text, p_text text)
RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', bookstore_fold(concat_ws(' ',
           p_title, p_subtitle, p_names, p_series, p_categories, p_text))))) AS w
   WHERE length(w) >= 3 AND w !~ '[0-9]';
$$;
