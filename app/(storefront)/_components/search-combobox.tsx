"use client";
// The header search box, enhanced: an accessible combobox (ARIA 1.2 pattern) listing books as
// the shopper types (cover, author, price; typos corrected by the server), ending with "See all
// results for …". Without JavaScript it is the same input in the same GET form to /search.
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { BookCover } from "@/components/ui/book-cover";
import type { SearchSuggestion } from "@/lib/catalog/search/service";
import { formatMoney } from "@/lib/catalog/shared";
import styles from "./search-combobox.module.css";

const DELAY_MS = 150;
/** The suggestion's cover is 2.1rem wide (search-combobox.module.css). */
const SUGGESTION_COVER_SIZES = "34px";

/** The books suggested for a text; the list's last option is always "See all results for <text>". */
interface Suggestions {
  text: string;
  books: SearchSuggestion[];
}

export function SearchCombobox({ className, listClassName }: { className?: string; listClassName?: string }) {
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef("");

  useEffect(() => {
    const text = value.trim();
    latest.current = text;
    if (text.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search/suggest?q=${encodeURIComponent(text)}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<SearchSuggestion[]>) : []))
        .then((books) => {
          if (latest.current !== text) return;
          setSuggestions({ text, books });
          setActive(-1);
        })
        .catch(() => {});
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value]);

  // The books, then "See all results": one option more than the books.
  const count = suggestions ? suggestions.books.length + 1 : 0;
  const expanded = open && count > 0;
  const choose = (index: number) => {
    if (!suggestions) return;
    setOpen(false);
    const book = suggestions.books[index];
    router.push(book ? `/books/${book.slug}` : `/search?q=${encodeURIComponent(suggestions.text)}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!expanded) setOpen(count > 0);
      else setActive((i) => (i + 1) % count);
    } else if (event.key === "ArrowUp") {
      if (!expanded) return;
      event.preventDefault();
      setActive((i) => (i <= 0 ? count - 1 : i - 1));
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (event.key === "Enter") {
      if (expanded && active >= 0) {
        event.preventDefault();
        choose(active);
      }
    }
  };

  return (
    <>
      <input
        id="site-search"
        name="q"
        type="search"
        placeholder="Search titles, authors, subjects"
        autoComplete="off"
        maxLength={200}
        className={className}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          if (e.target.value.trim().length < 2) setSuggestions(null);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(count > 0)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested books"
        className={listClassName}
        hidden={!expanded}
      >
        {suggestions?.books.map((book, i) => (
          <li
            key={book.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(i);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <BookCover
              slug={book.slug}
              title={book.title}
              subtitle={book.subtitle}
              byline={book.byline}
              categorySlugs={book.categorySlugs}
              lang={book.lang ?? undefined}
              uploaded={book.cover ? { cover: book.cover, sizes: SUGGESTION_COVER_SIZES } : null}
              decorative
              className={styles.cover}
            />
            <span className={styles.text}>
              <span className={styles.title} lang={book.lang ?? undefined}>
                {book.title}
              </span>
              {book.byline ? <small>by {book.byline}</small> : null}
            </span>
            {book.fromPrice ? (
              <span className={styles.price}>
                {formatMoney(book.fromPrice.amountMinor, book.fromPrice.currency)}
              </span>
            ) : null}
          </li>
        ))}
        {suggestions ? (
          <li
            id={`${listId}-${suggestions.books.length}`}
            role="option"
            aria-selected={active === suggestions.books.length}
            className={styles.all}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(suggestions.books.length);
            }}
            onMouseEnter={() => setActive(suggestions.books.length)}
          >
            See all results for “{suggestions.text}”
          </li>
        ) : null}
      </ul>
    </>
  );
}
