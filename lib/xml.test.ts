import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { el, elWith, escapeXml, openTag, serializeXml } from "@/lib/xml";

describe("escapeXml", () => {
  it("escapes the five markup characters", () => {
    expect(escapeXml(`Tom & Jerry <b>"quoted" 'single'</b>`)).toBe(
      "Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot; &apos;single&apos;&lt;/b&gt;",
    );
  });

  it("keeps accents and other Unicode as they are", () => {
    expect(escapeXml("Libros de Palabras: ñandú, café, 沈志华, 🐉")).toBe(
      "Libros de Palabras: ñandú, café, 沈志华, 🐉",
    );
  });

  it("drops characters XML 1.0 cannot carry, keeps tab and newlines", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\tx\ny\rz")).toBe("abcdefg\tx\ny\rz");
  });
});

describe("serializeXml", () => {
  it("writes text and attributes escaped, skips empty children, nests with indentation", () => {
    const xml = serializeXml(
      el(
        "Root",
        el("Text", "5 < 6 & \"x\" > 'y'"),
        null,
        false,
        undefined,
        [el("N", 1), el("N", 2)],
        elWith("Date", { dateformat: 'a"b' }, "20240131"),
        el("Empty"),
      ),
    );
    expect(xml).toBe(
      [
        "<Root>",
        "  <Text>5 &lt; 6 &amp; &quot;x&quot; &gt; &apos;y&apos;</Text>",
        "  <N>1</N>",
        "  <N>2</N>",
        '  <Date dateformat="a&quot;b">20240131</Date>',
        "  <Empty/>",
        "</Root>",
        "",
      ].join("\n"),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as {
      Root: { Text: string; Date: { "#text": string; "@_dateformat": string } };
    };
    expect(parsed.Root.Text).toBe(`5 < 6 & "x" > 'y'`);
    expect(parsed.Root.Date["@_dateformat"]).toBe('a"b');
  });

  it("refuses element and attribute names that are not XML names", () => {
    expect(() => el("Bad Name")).toThrow(/Not an XML name/);
    expect(() => elWith("Ok", { "on<x": "1" })).toThrow(/Not an XML name/);
    expect(() => openTag("a>b")).toThrow(/Not an XML name/);
  });
});
