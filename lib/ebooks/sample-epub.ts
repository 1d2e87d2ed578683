// A sample EPUB 3 made from a book's own listing, for the demo store's ebooks (which have no
// publisher's file): a title page, the credits, the description and, for a book an article is
// about, that article. Every page says it is a sample. Valid under epubcheck (a test runs it).
// Pure: the listing is passed in.
import { createHash } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import { escapeXml } from "@/lib/xml";

export interface SampleListing {
  slug: string;
  title: string;
  subtitle: string | null;
  /** Paragraphs separated by blank lines. */
  description: string | null;
  languages: string[];
  contributors: { name: string; role: string }[];
  isbn13: string | null;
  publisher: string | null;
  publicationDate: string | null;
  article: { title: string; blocks: { type: string; text: string }[] } | null;
}

export const SAMPLE_NOTICE =
  "Sample edition made by the demo store from this book's listing: not the publisher's text.";

const CSS = `body { font-family: serif; line-height: 1.5; margin: 5%; }
h1 { font-size: 1.6em; margin: 2em 0 0.3em; text-align: center; }
h2 { font-size: 1.25em; margin-top: 1.5em; }
.subtitle { font-style: italic; text-align: center; }
.byline { text-align: center; margin-top: 1.5em; }
.sample { border: 1px solid #999; padding: 0.5em; font-size: 0.9em; margin-top: 3em; }
dt { font-weight: bold; }
dd { margin: 0 0 0.6em 1em; }
`;

function page(title: string, language: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${language}" lang="${language}">
<head>
<meta charset="UTF-8"/>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
<p class="sample">${escapeXml(SAMPLE_NOTICE)}</p>
</body>
</html>
`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join("\n");

/** A stable identifier: the ISBN when the edition has one, else a UUID derived from the slug. */
export function sampleIdentifier(listing: Pick<SampleListing, "slug" | "isbn13">): string {
  if (listing.isbn13) return `urn:isbn:${listing.isbn13}`;
  const hex = createHash("sha256").update(`quire-books-sample:${listing.slug}`).digest("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function buildSampleEpub(listing: SampleListing, now = new Date()): Uint8Array {
  const language = listing.languages[0] ?? "en";
  const modified = `${now.toISOString().slice(0, 19)}Z`;
  const authors = listing.contributors.filter((c) => c.role === "Author" || c.role === "Original author");
  const chapters: { id: string; file: string; title: string; body: string }[] = [
    {
      id: "title",
      file: "title.xhtml",
      title: listing.title,
      body: [
        `<section epub:type="titlepage">`,
        `<h1>${escapeXml(listing.title)}</h1>`,
        listing.subtitle ? `<p class="subtitle">${escapeXml(listing.subtitle)}</p>` : "",
        authors.length ? `<p class="byline">${escapeXml(authors.map((a) => a.name).join(", "))}</p>` : "",
        `</section>`,
      ].join("\n"),
    },
    {
      id: "credits",
      file: "credits.xhtml",
      title: "Credits",
      body: [
        `<section epub:type="copyright-page">`,
        `<h2>Credits</h2>`,
        `<dl>`,
        ...listing.contributors.map((c) => `<dt>${escapeXml(c.role)}</dt><dd>${escapeXml(c.name)}</dd>`),
        listing.publisher ? `<dt>Publisher</dt><dd>${escapeXml(listing.publisher)}</dd>` : "",
        listing.publicationDate ? `<dt>Published</dt><dd>${escapeXml(listing.publicationDate)}</dd>` : "",
        listing.isbn13 ? `<dt>ISBN</dt><dd>${escapeXml(listing.isbn13)}</dd>` : "",
        `<dt>This file</dt><dd>${escapeXml(SAMPLE_NOTICE)}</dd>`,
        `</dl>`,
        `</section>`,
      ].join("\n"),
    },
  ];
  if (listing.description)
    chapters.push({
      id: "description",
      file: "description.xhtml",
      title: "About this book",
      body: `<section epub:type="preface">\n<h2>About this book</h2>\n${paragraphs(listing.description)}\n</section>`,
    });
  if (listing.article)
    chapters.push({
      id: "article",
      file: "article.xhtml",
      title: listing.article.title,
      body: [
        `<section epub:type="appendix">`,
        `<h2>${escapeXml(listing.article.title)}</h2>`,
        ...listing.article.blocks.map((block) =>
          block.type === "heading" ? `<h3>${escapeXml(block.text)}</h3>` : `<p>${escapeXml(block.text)}</p>`,
        ),
        `</section>`,
      ].join("\n"),
    });

  const creators = listing.contributors
    .map((c, i) => `<dc:creator id="creator${i}">${escapeXml(c.name)}</dc:creator>`)
    .join("\n    ");
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${language}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(sampleIdentifier(listing))}</dc:identifier>
    <dc:title>${escapeXml(listing.title)} (sample)</dc:title>
    <dc:language>${escapeXml(language)}</dc:language>
    ${creators}
    ${listing.publisher ? `<dc:publisher>${escapeXml(listing.publisher)}</dc:publisher>` : ""}
    <dc:description>${escapeXml(SAMPLE_NOTICE)}</dc:description>
    <meta property="dcterms:modified">${modified}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="css" href="style.css" media-type="text/css"/>
    ${chapters.map((c) => `<item id="${c.id}" href="${c.file}" media-type="application/xhtml+xml"/>`).join("\n    ")}
  </manifest>
  <spine>
    ${chapters.map((c) => `<itemref idref="${c.id}"/>`).join("\n    ")}
  </spine>
</package>
`;
  const nav = page(
    listing.title,
    language,
    `<nav epub:type="toc" id="toc">\n<h2>Contents</h2>\n<ol>\n${chapters
      .map((c) => `<li><a href="${c.file}">${escapeXml(c.title)}</a></li>`)
      .join("\n")}\n</ol>\n</nav>`,
  );
  const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;
  const files: Zippable = {
    // OCF: the first entry, stored uncompressed, with no extra field.
    mimetype: [strToU8("application/epub+zip"), { level: 0 }],
    "META-INF/container.xml": strToU8(container),
    "OEBPS/content.opf": strToU8(opf),
    "OEBPS/nav.xhtml": strToU8(nav),
    "OEBPS/style.css": strToU8(CSS),
  };
  for (const chapter of chapters)
    files[`OEBPS/${chapter.file}`] = strToU8(page(chapter.title, language, chapter.body));
  return zipSync(files, { level: 9, mtime: now });
}
