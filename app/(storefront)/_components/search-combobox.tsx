"use client";
// The header search box, enhanced: an accessible combobox (ARIA 1.2 pattern) listing titles as
// the shopper types. Without JavaScript it is the same input in the same GET form to /search.
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

interface Suggestion {
  title: string;
  slug: string;
  subtitle: string | null;
}

const DELAY_MS = 150;

export function SearchCombobox({ className, listClassName }: { className?: string; listClassName?: string }) {
  const router = useRouter();
  const listId = useId();
  const [value, setValue] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
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
        .then((r) => (r.ok ? (r.json() as Promise<Suggestion[]>) : []))
        .then((list) => {
          if (latest.current !== text) return;
          setSuggestions(list);
          setActive(-1);
          setOpen(list.length > 0);
        })
        .catch(() => {});
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value]);

  const expanded = open && suggestions.length > 0;
  const choose = (s: Suggestion) => {
    setOpen(false);
    router.push(`/books/${s.slug}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!expanded) setOpen(suggestions.length > 0);
      else setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === "ArrowUp") {
      if (!expanded) return;
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (event.key === "Enter") {
      const chosen = expanded && active >= 0 ? suggestions[active] : undefined;
      if (chosen) {
        event.preventDefault();
        choose(chosen);
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
          if (e.target.value.trim().length < 2) setSuggestions([]);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(suggestions.length > 0)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested books"
        className={listClassName}
        hidden={!expanded}
      >
        {suggestions.map((s, i) => (
          <li
            key={s.slug}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span>{s.title}</span>
            {s.subtitle ? <small>{s.subtitle}</small> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
