// A small XML writer (ONIX feeds, sitemaps): elements are data, text is escaped in exactly one
// place, and characters XML 1.0 cannot carry are dropped, so no title or description typed by a
// person can break the document or inject markup.

export type XmlChild = XmlElement | string | number | null | undefined | false | readonly XmlChild[];

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlChild[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;
// C0 controls other than tab, newline and carriage return, the two non-characters U+FFFE/U+FFFF
// and lone surrogates are not allowed anywhere in an XML 1.0 document.
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text or attribute value as XML: & < > " ' escaped, characters XML cannot carry removed. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHARS, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not an XML name: ${JSON.stringify(name)}`);
  return name;
}

/** An element. Null, undefined and false children are skipped; arrays are spread. */
export function el(name: string, ...children: XmlChild[]): XmlElement {
  return { name: checkName(name), attributes: {}, children };
}

/** An element with attributes. */
export function elWith(
  name: string,
  attributes: Record<string, string>,
  ...children: XmlChild[]
): XmlElement {
  for (const key of Object.keys(attributes)) checkName(key);
  return { name: checkName(name), attributes, children };
}

function flatten(children: readonly XmlChild[], into: (XmlElement | string)[] = []): (XmlElement | string)[] {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child as readonly XmlChild[], into);
    else if (typeof child === "number") into.push(String(child));
    else into.push(child as XmlElement | string);
  }
  return into;
}

/**
 * The element as indented XML. An element holds either text (written on its own line, whitespace
 * inside kept as is) or elements (one per line, indented): ONIX has no mixed content.
 */
export function serializeXml(node: XmlElement, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const children = flatten(node.children);
  if (children.length === 0) return `${pad}<${node.name}${attributes}/>\n`;
  if (children.every((c) => typeof c === "string")) {
    return `${pad}<${node.name}${attributes}>${escapeXml(children.join(""))}</${node.name}>\n`;
  }
  const inner = children
    .map((c) => (typeof c === "string" ? `${pad}  ${escapeXml(c)}\n` : serializeXml(c, depth + 1)))
    .join("");
  return `${pad}<${node.name}${attributes}>\n${inner}${pad}</${node.name}>\n`;
}

/** The opening tag alone, for documents written as a stream (the closing tag comes last). */
export function openTag(name: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${checkName(key)}="${escapeXml(value)}"`)
    .join("");
  return `<${checkName(name)}${attrs}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
