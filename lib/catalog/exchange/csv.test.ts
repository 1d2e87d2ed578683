import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  csvChunk,
  formatContributors,
  groupListingRows,
  guardFormula,
  listingRows,
  parseContributors,
  parseListingsCsv,
  unguardFormula,
  validateGroup,
  type CsvColumn,
} from "./csv";
import type { ListingData } from "../listings/schema";

const HEADER = CSV_COLUMNS.join(",");

/** One CSV line with the given cells (quoted when they need it), the rest blank. */
function line(cells: Partial<Record<CsvColumn, string>>): string {
  return CSV_COLUMNS.map((c) => {
    const v = cells[c] ?? "";
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(",");
}

const book = { slug: "el-quijote", title: "Don Quijote", status: "draft", languages: "es" } as const;
const paperback = { format: "paperback", price: "12.50", currency: "EUR" } as const;

describe("parseListingsCsv", () => {
  it("reads a BOM, quoted commas, doubled quotes, apostrophes, accents and line breaks in values", () => {
    const text = [
      `\uFEFF${HEADER}`,
      line({
        ...book,
        title: 'Don Quijote, "el ingenioso" hidalgo',
        subtitle: "Cervantes' novel",
        ...paperback,
      }),
      line({
        ...book,
        slug: "educacion",
        title: "Educación",
        description: "Línea uno\r\nlínea dos",
        ...paperback,
      }),
    ].join("\r\n");
    const { rows, errors } = parseListingsCsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(rows[0]?.values).toMatchObject({
      slug: "el-quijote",
      title: 'Don Quijote, "el ingenioso" hidalgo',
      subtitle: "Cervantes' novel",
      price: "12.50",
    });
    expect(rows[1]?.values.description).toBe("Línea uno\r\nlínea dos");
    // The listing schema stores them as the form and the API do: LF only.
    const { groups } = groupListingRows(rows);
    const checked = groups[1] && validateGroup(groups[1], []);
    expect(checked?.ok && checked.data.description).toBe("Línea uno\nlínea dos");
  });

  it("numbers rows by the physical line they start on, across multi-line values, blank lines and mixed line ends", () => {
    const text = `${HEADER}\r\n${line({ ...book, description: "a\nb\nc", ...paperback })}\n\n${line({ ...book, slug: "x", ...paperback })}\r\n`;
    expect(parseListingsCsv(text).rows.map((r) => r.line)).toEqual([2, 6]);
  });

  it("reports a quote that is never closed on its line and goes on reading the next rows", () => {
    const text = [
      HEADER,
      line({ ...book, ...paperback }),
      `,,bad,"Unclosed title${",".repeat(26)}`,
      line({ ...book, slug: "after", ...paperback }),
    ].join("\n");
    const { rows, errors } = parseListingsCsv(text);
    expect(errors).toEqual([
      {
        line: 3,
        column: "title",
        message:
          'Unbalanced quote: a value opens a quote (") that is never closed. Nothing on this line was read.',
      },
    ]);
    expect(rows.map((r) => [r.line, r.values.slug])).toEqual([
      [2, "el-quijote"],
      [4, "after"],
    ]);
  });

  it("names the column of a quote inside an unquoted value, and a quoted value that does not end at a comma", () => {
    const text = [
      HEADER,
      line({ ...book, ...paperback }).replace("Don Quijote", 'Don "Q" Quijote'),
      line({ ...book, slug: "b", ...paperback }).replace(",b,", ',"b"x,'),
    ].join("\n");
    expect(parseListingsCsv(text).errors).toEqual([
      {
        line: 2,
        column: "title",
        message:
          'A quote (") inside a value that does not start with one (column “title”): put the whole value in quotes and double the quote inside it ("").',
      },
      {
        line: 3,
        column: "slug",
        message:
          "Unbalanced quote: a quoted value must end with a quote right before a comma or the end of the line. Nothing on this line was read.",
      },
    ]);
  });

  it("refuses a wrong header and reads no row", () => {
    const header =
      CSV_COLUMNS.filter((c) => c !== "price" && c !== "title").join(",") + ",Title,Title,colour";
    const { rows, errors } = parseListingsCsv(`${header}\n${line(book)}`);
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      "Column “title” appears twice.",
      "Unknown column “colour”.",
      "Missing column “price”.",
    ]);
    expect(parseListingsCsv(CSV_COLUMNS.join(";")).errors[0]?.message).toMatch(/separated by semicolons/);
    expect(parseListingsCsv("").errors).toEqual([{ line: 1, column: null, message: "The file is empty." }]);
  });

  it("accepts a header without the id columns, in any order and case", () => {
    const columns = CSV_COLUMNS.filter((c) => !["book_id", "version", "edition_id"].includes(c)).reverse();
    const text = `${columns.map((c) => ` ${c.toUpperCase()} `).join(",")}\n${columns.map((c) => (c === "title" ? "T" : "")).join(",")}`;
    const { rows, errors } = parseListingsCsv(text);
    expect(errors).toEqual([]);
    expect(rows[0]?.values.title).toBe("T");
  });

  it("reports a row with the wrong number of values and drops blank rows", () => {
    const text = `${HEADER}\n${line(book)},extra\n${",".repeat(CSV_COLUMNS.length - 1)}\n`;
    const { rows, errors } = parseListingsCsv(text);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        line: 2,
        column: null,
        message: `${CSV_COLUMNS.length + 1} values where the header has ${CSV_COLUMNS.length} columns: a value with a comma must be in quotes.`,
      },
    ]);
  });
});

describe("cells", () => {
  it("guards spreadsheet formulas reversibly", () => {
    for (const value of ["=HYPERLINK(1)", "+1", "-30-", "@me", "'=x", "''a", "'Tis the season", "plain"]) {
      expect(unguardFormula(guardFormula(value))).toBe(value);
    }
    expect(guardFormula("=1+1")).toBe("'=1+1");
    expect(guardFormula("'Tis the season")).toBe("'Tis the season");
  });

  it("writes and reads contributors with ONIX codes, notes and escapes", () => {
    const credits: ListingData["contributors"] = [
      { name: "Sandeep Balakrishna", role: "author", note: null },
      { name: "Shen Zihua", role: "original_author", note: "based on his book; translated | abridged" },
      { name: "A\\B", role: "translator", note: null },
    ];
    const cell = formatContributors(credits);
    expect(cell).toBe(
      "A01: Sandeep Balakrishna; A38: Shen Zihua | based on his book\\; translated \\| abridged; B06: A\\\\B",
    );
    expect(parseContributors(cell)).toEqual({ ok: true, credits });
    expect(parseContributors("a12: Ana; ; B01:Bo")).toEqual({
      ok: true,
      credits: [
        { name: "Ana", role: "illustrator", note: null },
        { name: "Bo", role: "editor", note: null },
      ],
    });
    expect(parseContributors("Z99: Ana")).toEqual({
      ok: false,
      message:
        "Unknown role code “Z99”: use A01 (author), A38 (original author), B06 (translator), A12 (illustrator), B01 (editor).",
    });
    expect(parseContributors("Ana María")).toEqual({
      ok: false,
      message: "“Ana María” has no role: write each credit as “A01: Name”, separated by semicolons.",
    });
  });
});

describe("groupListingRows and validateGroup", () => {
  const rowsOf = (...cells: Partial<Record<CsvColumn, string>>[]) =>
    parseListingsCsv([HEADER, ...cells.map(line)].join("\n")).rows;

  it("groups rows by slug, one edition per row; later rows may leave book cells blank", () => {
    const { groups, errors } = groupListingRows(
      rowsOf(
        { ...book, ...paperback },
        { slug: "el-quijote", format: "ebook", price: "4.99", currency: "EUR", text_to_speech: "yes" },
        { title: "Niebla", format: "hardcover", price: "20" },
      ),
    );
    expect(errors).toEqual([]);
    expect(groups.map((g) => [g.key, g.lines, g.editionLines])).toEqual([
      ["el-quijote", [2, 3], [2, 3]],
      ["niebla", [4], [4]],
    ]);
    const first = groups[0];
    if (!first) throw new Error("no group");
    const checked = validateGroup(first, []);
    expect(checked.ok && checked.data).toMatchObject({
      slug: "el-quijote",
      languages: ["es"],
      editions: [
        { format: "paperback", priceMinor: 1250, currency: "EUR", textToSpeech: null },
        { format: "ebook", priceMinor: 499, textToSpeech: true },
      ],
    });
  });

  it("reports file-level mistakes by line and column", () => {
    const { errors } = groupListingRows(
      rowsOf(
        { ...book, ...paperback, price: "12,50", word_wise: "maybe", status: "live" },
        { slug: "el-quijote", title: "Another title", format: "vinyl", price: "3" },
        { slug: "el-quijote" },
        { slug: "x", title: "", ...paperback },
        { title: "Con autor", contributors: "A01 Ana", ...paperback },
      ),
    );
    // Status, format and price are the listing schema's to judge: see the next test.
    expect(errors).toEqual([
      { line: 2, column: "word_wise", message: "Use yes, no or leave it blank (not “maybe”)." },
      {
        line: 3,
        column: "title",
        message: "Differs from line 2, the book's first row: leave it blank or repeat the same value.",
      },
      { line: 5, column: "title", message: "Missing a required value." },
      {
        line: 6,
        column: "contributors",
        message: "“A01 Ana” has no role: write each credit as “A01: Name”, separated by semicolons.",
      },
      {
        line: 4,
        column: null,
        message:
          "This row has no edition: each row of a book with several rows describes one of its editions.",
      },
    ]);
  });

  it("places schema errors on the edition's line and column, without repeating a cell already reported", () => {
    const { groups, errors } = groupListingRows(
      rowsOf(
        { ...book, ...paperback },
        { slug: "el-quijote", format: "ebook", price: "4.99", isbn13: "978-0-00-000000-1" },
      ),
    );
    const group = groups[0];
    if (!group) throw new Error("no group");
    expect(validateGroup(group, errors)).toEqual({
      ok: false,
      errors: [{ line: 3, column: "isbn13", message: "Not a valid ISBN-13." }],
    });
    const reported = [{ line: 3, column: "isbn13" as const, message: "already said" }];
    expect(validateGroup(group, reported)).toEqual({ ok: false, errors: [] });
  });

  it("judges status, format, availability and price by the listing schema alone", () => {
    const { groups, errors } = groupListingRows(
      rowsOf(
        { ...book, ...paperback, status: "live", availability: "someday" },
        { slug: "el-quijote", format: "vinyl", price: "$1,299.5" },
        { ...book, slug: "cheap", ...paperback, price: "1.999" },
        { ...book, slug: "dear", ...paperback, price: "$1,299.5" },
      ),
    );
    expect(errors).toEqual([]);
    expect(groups.map((group) => validateGroup(group, errors))).toEqual([
      {
        ok: false,
        errors: [
          { line: 2, column: "status", message: "Choose draft, published or hidden." },
          { line: 2, column: "availability", message: "Choose an availability." },
          { line: 3, column: "format", message: "Choose a format." },
        ],
      },
      { ok: false, errors: [{ line: 4, column: "price", message: "Enter a price like 39.99." }] },
      expect.objectContaining({ ok: true }),
    ]);
  });
});

describe("the export's rows", () => {
  const data: ListingData = {
    title: '=Cuentos, "raros" y d\'Artagnan',
    subtitle: null,
    slug: "cuentos-raros",
    description: "Primera línea\nsegunda",
    teaser: null,
    status: "published",
    seriesName: "Colección Ñ",
    seriesPosition: 2,
    categorySlugs: ["fiction", "spanish"],
    languages: ["es", "en"],
    contributors: [{ name: "Ana; Bo", role: "author", note: "with | pipes" }],
    editions: [
      {
        id: 7,
        format: "ebook",
        formatLabel: "Kindle Edition",
        editionLabel: null,
        isbn13: "9780306406157",
        priceMinor: 399,
        currency: "USD",
        availability: "in_stock",
        publisher: null,
        publicationDate: "2024-05-31",
        pageCount: null,
        fileSizeKb: 1200,
        textToSpeech: true,
        screenReader: false,
        enhancedTypesetting: null,
        wordWise: null,
      },
      {
        id: 8,
        format: "paperback",
        formatLabel: null,
        editionLabel: "1st Edition",
        isbn13: null,
        priceMinor: 100000,
        currency: "JPY",
        availability: "preorder",
        publisher: "Ediciones Ñ",
        publicationDate: null,
        pageCount: 320,
        fileSizeKb: null,
        textToSpeech: null,
        screenReader: null,
        enhancedTypesetting: null,
        wordWise: null,
      },
    ],
  };

  it("starts with a BOM and the header, and reads back to the same listing", () => {
    const text = csvChunk(listingRows({ id: 3, version: 5, data }), { first: true });
    expect(text.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(text).toContain(`"'=Cuentos, ""raros"" y d'Artagnan"`);
    const parsed = parseListingsCsv(text);
    expect(parsed.errors).toEqual([]);
    const { groups, errors } = groupListingRows(parsed.rows);
    expect(errors).toEqual([]);
    expect(groups[0]).toMatchObject({ bookId: 3, version: 5, lines: [2, 4] });
    const group = groups[0];
    if (!group) throw new Error("no group");
    expect(validateGroup(group, [])).toEqual({ ok: true, data });
  });

  it("writes a book without editions as one row with blank edition cells", () => {
    const rows = listingRows({ id: 1, version: 1, data: { ...data, status: "draft", editions: [] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(CSV_COLUMNS.indexOf("edition_id"))).toEqual(
      Array(CSV_COLUMNS.length - CSV_COLUMNS.indexOf("edition_id")).fill(""),
    );
  });
});
