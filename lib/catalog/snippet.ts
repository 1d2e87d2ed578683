// Search snippets come from the database with these sentinels around the matched words (never
// HTML): the page splits on them and renders <mark> elements, so database text is always text.
export const SNIPPET_START = "\u0001";
export const SNIPPET_STOP = "\u0002";

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Splits a snippet into plain and marked parts; unbalanced or stray sentinels are dropped. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = "";
  const flush = () => {
    if (text === "") return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
    text = "";
  };
  for (const ch of snippet) {
    if (ch === SNIPPET_START || ch === SNIPPET_STOP) {
      flush();
      mark = ch === SNIPPET_START;
    } else text += ch;
  }
  flush();
  return parts;
}
