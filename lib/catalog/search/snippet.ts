// Search snippets come from the database with these sentinels around the matched words (never
// HTML): the page splits on them and renders <mark> elements, so database text is always text.
export const SNIPPET_START = "\u0001";
export const SNIPPET_STOP = "\u0002";
/** Between two fragments of a headline (ts_headline's FragmentDelimiter), until snippetFromHeadline. */
export const SNIPPET_FRAGMENT = "\u0003";
/** Where a snippet leaves text out: at either end, and between two fragments. */
export const SNIPPET_CUT = "…";
/** Text this short before the first fragment or after the last is kept rather than cut. */
const KEEP_EDGE = 24;

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

interface Span {
  /** Where the fragment's text is in the source. */
  at: number;
  end: number;
  /** The fragment with its marks. */
  marked: string;
  /** The fragment widened to whole words (whitespace to whitespace). */
  from: number;
  to: number;
}

const strip = (text: string) => text.replaceAll(SNIPPET_START, "").replaceAll(SNIPPET_STOP, "");
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * A ts_headline result (fragments between SNIPPET_FRAGMENT, matched words between the marks) as
 * the snippet a reader gets: each fragment widened to whole words of `source`, the text it was
 * taken from (ts_headline's parser splits words at hyphens and, on some locales, at accented
 * letters), a few words at either end kept rather than cut, fragments that meet joined, and every
 * cut marked with "…". Whitespace runs become one space. A fragment not found in `source` is
 * used as it is.
 */
export function snippetFromHeadline(headline: string, source: string): string {
  const fragments = headline
    .split(SNIPPET_FRAGMENT)
    .map((f) => f.trim())
    .filter((f) => strip(f).trim() !== "");
  const spans: Span[] = [];
  let searchFrom = 0;
  for (const marked of fragments) {
    const text = strip(marked);
    let at = source.indexOf(text, searchFrom);
    if (at < 0) at = source.indexOf(text);
    if (at < 0) return oneLine(fragments.join(` ${SNIPPET_CUT} `));
    let from = at;
    let to = at + text.length;
    while (from > 0 && !isSpace(source[from - 1])) from--;
    while (to < source.length && !isSpace(source[to])) to++;
    spans.push({ at, end: at + text.length, marked, from, to });
    searchFrom = at + text.length;
  }
  if (!spans.length) return "";
  spans.sort((a, b) => a.at - b.at);
  const first = spans[0]!;
  const last = spans[spans.length - 1]!;
  if (first.from <= KEEP_EDGE) first.from = 0;
  if (source.length - last.to <= KEEP_EDGE) last.to = source.length;

  let out = first.from > 0 ? SNIPPET_CUT : "";
  let prev: Span | null = null;
  for (const span of spans) {
    if (prev && span.at < prev.end) {
      // Overlapping fragments: the rest of this one, unmarked.
      out += source.slice(prev.end, Math.max(prev.end, span.to));
      prev = { ...span, at: prev.at, end: Math.max(prev.end, span.end), to: Math.max(prev.to, span.to) };
      continue;
    }
    if (prev) {
      const gap = source.slice(prev.end, span.at);
      // Fragments a few words apart, or that meet once widened, read as one passage.
      if (span.from <= prev.to + KEEP_EDGE) out += gap;
      else {
        out = `${trimCut(out + source.slice(prev.end, prev.to))} ${SNIPPET_CUT} `;
        out += source.slice(span.from, span.at);
      }
    } else {
      out += source.slice(span.from, span.at);
    }
    out += span.marked;
    prev = span;
  }
  out += source.slice(prev!.end, prev!.to);
  if (prev!.to < source.length) {
    out = trimCut(out);
    // "…after the collapse…", but "…in general. …".
    out += /[.!?]$/.test(out) ? ` ${SNIPPET_CUT}` : SNIPPET_CUT;
  }
  return oneLine(out);
}

/** Text before a cut, without trailing space or a comma, semicolon or colon the cut makes dangle. */
function trimCut(text: string): string {
  return text.trimEnd().replace(/[,;:]$/, "");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
