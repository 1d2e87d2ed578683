import { parseSnippet } from "@/lib/catalog/snippet";

/** A search snippet with its matched words in <mark>; database text is only ever rendered as text. */
export function SearchSnippet({ snippet, lang }: { snippet: string; lang?: string }) {
  const parts = parseSnippet(snippet);
  if (parts.length === 0) return null;
  return (
    <p lang={lang}>{parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</p>
  );
}
