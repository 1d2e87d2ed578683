import { parseSnippet } from "@/lib/catalog/search/service";

/** Text whose matched words arrive between the snippet sentinels, with those words in <mark>. */
export function MarkedText({ text }: { text: string }) {
  return parseSnippet(text).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text));
}

/** A search snippet with its matched words in <mark>; database text is only ever rendered as text. */
export function SearchSnippet({ snippet, lang }: { snippet: string; lang?: string }) {
  if (parseSnippet(snippet).length === 0) return null;
  return (
    <p lang={lang}>
      <MarkedText text={snippet} />
    </p>
  );
}
