import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  buildOnixMessage,
  onixAccessibilityCodes,
  onixDateTime,
  onixLanguageCode,
  onixMessageChunks,
  onixProductFormDetail,
  onixRecordReference,
  type OnixBook,
  type OnixEdition,
  type OnixProductInput,
} from "./onix";

const SENDER = { name: "Quire Books", siteUrl: "https://www.books.example.com" };
const SENT_AT = new Date("2026-03-04T05:06:07.890Z");
const NO_FEATURES = { textToSpeech: null, screenReader: null, enhancedTypesetting: null, wordWise: null };

const TRICKY_TITLE = `Tom & Jerry <"Die" l'été> ñandú`;

const featured: OnixBook = {
  id: 1,
  title: "Mao, Stalin and the Korean War",
  subtitle: "Trilateral Communist Relations in the 1950s",
  description: "First paragraph.\n\nSecond paragraph with <b>no markup</b> & an ampersand.",
  teaser: "First paragraph.",
  languages: ["en"],
  series: { name: "Cold War History", position: 3 },
  categories: [
    { slug: "history", name: "History" },
    { slug: "cold-war", name: "Cold War" },
  ],
  contributors: [
    { name: "Sandeep Balakrishna", sortName: "Balakrishna, Sandeep", role: "author", bio: null },
    { name: "Shen Zihua", sortName: null, role: "original_author", bio: "Historian of the Cold War." },
  ],
  cover: {
    url: "https://www.books.example.com/covers/mao-stalin-and-the-korean-war?v=0123456789abcdef&f=original",
    mediaType: "image/jpeg",
    width: 1600,
    height: 2400,
  },
};

const kindle: OnixEdition = {
  id: 11,
  format: "ebook",
  formatLabel: "Kindle Edition",
  formatIsPlaceholder: false,
  editionLabel: "1st Edition",
  isbn13: null,
  priceMinor: 3999,
  currency: "USD",
  availability: "in_stock",
  publisher: null,
  publicationDate: null,
  pageCount: 265,
  fileSizeKb: 1706,
  readingFeatures: { textToSpeech: true, screenReader: true, enhancedTypesetting: true, wordWise: true },
};

const paperback: OnixEdition = {
  ...kindle,
  id: 12,
  format: "paperback",
  formatLabel: null,
  editionLabel: null,
  isbn13: "9780306406157",
  priceMinor: 2450,
  availability: "in_stock",
  publisher: `Routledge & Sons "Press"`,
  publicationDate: "2024-01-31",
  pageCount: 300,
  fileSizeKb: null,
  readingFeatures: NO_FEATURES,
};

const bilingual: OnixBook = {
  id: 2,
  title: TRICKY_TITLE,
  subtitle: null,
  description: null,
  teaser: "Un libro de palabras: café, niño.",
  languages: ["es", "en"],
  series: null,
  categories: [],
  contributors: [],
  cover: null,
};

const products: OnixProductInput[] = [
  { book: featured, edition: kindle },
  { book: featured, edition: paperback },
  {
    book: bilingual,
    edition: {
      ...paperback,
      id: 21,
      format: "hardcover",
      isbn13: null,
      publisher: null,
      publicationDate: null,
      availability: "preorder",
      priceMinor: 1500,
      currency: "JPY",
    },
  },
  {
    book: bilingual,
    edition: {
      ...kindle,
      id: 22,
      format: "audiobook",
      formatLabel: "Audible Audiobook",
      availability: "discontinued",
      readingFeatures: NO_FEATURES,
    },
  },
];

type Node = Record<string, unknown>;
const REPEATABLE = new Set([
  "Product",
  "ProductIdentifier",
  "ProductFormDetail",
  "ProductFormFeature",
  "Collection",
  "Contributor",
  "Language",
  "Extent",
  "Subject",
  "TextContent",
  "Publisher",
  "PublishingDate",
  "SupplyDetail",
  "Price",
]);

function parse(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => REPEATABLE.has(name),
  });
  return parser.parse(xml) as { ONIXMessage: Node & { Header: Node; Product: Node[] } };
}

const xml = buildOnixMessage(products, SENDER, SENT_AT);
const message = parse(xml).ONIXMessage;
const product = (n: number) => message.Product[n] as Record<string, Node & Node[]>;
const get = (node: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((at, key) => (at as Record<string | number, unknown> | undefined)?.[key], node);

describe("buildOnixMessage", () => {
  it("is well-formed XML in the ONIX 3.0 reference namespace with a Header", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ONIXMessage release="3.0"')).toBe(true);
    expect(message["@_release"]).toBe("3.0");
    expect(message["@_xmlns"]).toBe("http://ns.editeur.org/onix/3.0/reference");
    expect(get(message.Header, "Sender", "SenderName")).toBe("Quire Books");
    expect(message.Header.SentDateTime).toBe("20260304T050607Z");
  });

  it("writes one Product per edition with a stable, domain-prefixed RecordReference", () => {
    expect(message.Product).toHaveLength(4);
    expect(message.Product.map((p) => p.RecordReference)).toEqual([
      "com.example.books.edition.11",
      "com.example.books.edition.12",
      "com.example.books.edition.21",
      "com.example.books.edition.22",
    ]);
    expect(message.Product.map((p) => p.NotificationType)).toEqual(["03", "03", "02", "03"]);
  });

  it("identifies by ISBN-13 (15, and GTIN-13 03) when known, by the proprietary id (01) otherwise", () => {
    expect(product(1).ProductIdentifier).toEqual([
      { ProductIDType: "15", IDValue: "9780306406157" },
      { ProductIDType: "03", IDValue: "9780306406157" },
    ]);
    expect(product(0).ProductIdentifier).toEqual([
      { ProductIDType: "01", IDTypeName: "Quire Books edition", IDValue: "edition-11" },
    ]);
  });

  it("describes form, accessibility, series, title, contributors, edition, languages, extent, subjects", () => {
    const d = product(0).DescriptiveDetail!;
    expect(d.ProductComposition).toBe("00");
    expect(d.ProductForm).toBe("ED");
    expect(d.ProductFormDetail).toEqual(["E116"]);
    expect(d.ProductFormFeature).toEqual([
      { ProductFormFeatureType: "09", ProductFormFeatureValue: "13" },
      { ProductFormFeatureType: "09", ProductFormFeatureValue: "36" },
    ]);
    expect(get(d, "Collection", 0)).toEqual({
      CollectionType: "10",
      TitleDetail: {
        TitleType: "01",
        TitleElement: { TitleElementLevel: "02", PartNumber: "3", TitleText: "Cold War History" },
      },
    });
    expect(d.TitleDetail).toEqual({
      TitleType: "01",
      TitleElement: {
        TitleElementLevel: "01",
        TitleText: "Mao, Stalin and the Korean War",
        Subtitle: "Trilateral Communist Relations in the 1950s",
      },
    });
    expect(d.Contributor).toEqual([
      {
        SequenceNumber: "1",
        ContributorRole: "A01",
        PersonName: "Sandeep Balakrishna",
        PersonNameInverted: "Balakrishna, Sandeep",
        NamesBeforeKey: "Sandeep",
        KeyNames: "Balakrishna",
      },
      {
        SequenceNumber: "2",
        ContributorRole: "A38",
        PersonName: "Shen Zihua",
        BiographicalNote: "Historian of the Cold War.",
      },
    ]);
    expect(d.EditionStatement).toBe("1st Edition");
    expect(d.Language).toEqual([{ LanguageRole: "01", LanguageCode: "eng" }]);
    expect(d.Extent).toEqual([
      { ExtentType: "08", ExtentValue: "265", ExtentUnit: "03" },
      { ExtentType: "22", ExtentValue: "1706", ExtentUnit: "18" },
    ]);
    expect(d.Subject).toEqual([
      {
        SubjectSchemeIdentifier: "24",
        SubjectSchemeName: "Quire Books categories",
        SubjectCode: "history",
        SubjectHeadingText: "History",
      },
      {
        SubjectSchemeIdentifier: "24",
        SubjectSchemeName: "Quire Books categories",
        SubjectCode: "cold-war",
        SubjectHeadingText: "Cold War",
      },
    ]);
  });

  it("maps every format to its product form, and print editions carry no ebook details", () => {
    const forms = message.Product.map((p) => get(p, "DescriptiveDetail", "ProductForm"));
    expect(forms).toEqual(["ED", "BC", "BB", "AJ"]);
    const paper = product(1).DescriptiveDetail!;
    expect(paper.ProductFormDetail).toBeUndefined();
    expect(paper.ProductFormFeature).toBeUndefined();
    expect(paper.Extent).toEqual([{ ExtentType: "00", ExtentValue: "300", ExtentUnit: "03" }]);
    expect(get(product(3), "DescriptiveDetail", "ProductFormDetail")).toEqual(["A109"]);
  });

  it("keeps escaped text exact: & < > \" ' and accents round-trip through a parser", () => {
    const d = product(2).DescriptiveDetail!;
    expect(get(d, "TitleDetail", "TitleElement", "TitleText")).toBe(TRICKY_TITLE);
    expect(xml).toContain("Tom &amp; Jerry &lt;&quot;Die&quot; l&apos;été&gt; ñandú");
    expect(d.Language).toEqual([
      { LanguageRole: "01", LanguageCode: "spa" },
      { LanguageRole: "01", LanguageCode: "eng" },
    ]);
    expect(d.Contributor).toBeUndefined();
    expect(get(product(1), "PublishingDetail", "Publisher", 0, "PublisherName")).toBe(
      `Routledge & Sons "Press"`,
    );
  });

  it("carries the description (03) and a distinct teaser (02), or the teaser alone as description", () => {
    expect(get(product(0), "CollateralDetail", "TextContent")).toEqual([
      { TextType: "03", ContentAudience: "00", Text: featured.description },
      { TextType: "02", ContentAudience: "00", Text: "First paragraph." },
    ]);
    expect(get(product(2), "CollateralDetail", "TextContent")).toEqual([
      { TextType: "03", ContentAudience: "00", Text: bilingual.teaser },
    ]);
  });

  it("links the uploaded front cover as a SupportingResource after the texts, and nothing without one", () => {
    const collateral = get(product(0), "CollateralDetail") as Node;
    expect(Object.keys(collateral)).toEqual(["TextContent", "SupportingResource"]);
    expect(collateral.SupportingResource).toEqual({
      ResourceContentType: "01",
      ContentAudience: "00",
      ResourceMode: "03",
      ResourceVersion: {
        ResourceForm: "02",
        ResourceVersionFeature: [
          { ResourceVersionFeatureType: "01", FeatureValue: "D502" },
          { ResourceVersionFeatureType: "02", FeatureValue: "2400" },
          { ResourceVersionFeatureType: "03", FeatureValue: "1600" },
        ],
        ResourceLink: featured.cover!.url,
      },
    });
    expect(get(product(2), "CollateralDetail", "SupportingResource")).toBeUndefined();
    // A cover alone still makes a CollateralDetail; a WebP claims no file format (list 178 has none).
    const webpOnly = buildOnixMessage(
      [
        {
          book: { ...bilingual, teaser: null, cover: { ...featured.cover!, mediaType: "image/webp" } },
          edition: paperback,
        },
      ],
      SENDER,
      SENT_AT,
    );
    const resource = get(parse(webpOnly).ONIXMessage.Product[0], "CollateralDetail", "SupportingResource");
    expect(get(resource, "ResourceVersion", "ResourceVersionFeature")).toEqual([
      { ResourceVersionFeatureType: "02", FeatureValue: "2400" },
      { ResourceVersionFeatureType: "03", FeatureValue: "1600" },
    ]);
  });

  it("writes publisher, status and publication date (role 01, yyyymmdd) when known", () => {
    expect(product(1).PublishingDetail).toEqual({
      Publisher: [{ PublishingRole: "01", PublisherName: `Routledge & Sons "Press"` }],
      PublishingStatus: "04",
      PublishingDate: [{ PublishingDateRole: "01", Date: { "#text": "20240131", "@_dateformat": "00" } }],
    });
    expect(product(0).PublishingDetail).toEqual({ PublishingStatus: "04" });
    expect(get(product(2), "PublishingDetail", "PublishingStatus")).toBe("02");
    expect(get(product(3), "PublishingDetail", "PublishingStatus")).toBe("09");
  });

  it("supplies each edition with availability and its price in major units, tax included", () => {
    expect(product(0).ProductSupply).toEqual({
      SupplyDetail: [
        {
          Supplier: { SupplierRole: "08", SupplierName: "Quire Books" },
          ProductAvailability: "20",
          Price: [{ PriceType: "02", PriceAmount: "39.99", CurrencyCode: "USD" }],
        },
      ],
    });
    const supply = (n: number) => get(product(n), "ProductSupply", "SupplyDetail", 0) as Node;
    expect(supply(1).ProductAvailability).toBe("21");
    expect(supply(1).Price).toEqual([{ PriceType: "02", PriceAmount: "24.50", CurrencyCode: "USD" }]);
    expect(supply(2).ProductAvailability).toBe("10");
    expect(supply(2).Price).toEqual([{ PriceType: "02", PriceAmount: "1500", CurrencyCode: "JPY" }]);
    expect(supply(3).ProductAvailability).toBe("43");
  });

  it("puts the blocks of each Product in the order the ONIX 3.0 schema requires", () => {
    const product0 = xml.slice(xml.indexOf("<Product>"), xml.indexOf("</Product>"));
    const order = [
      "<RecordReference>",
      "<NotificationType>",
      "<ProductIdentifier>",
      "<DescriptiveDetail>",
      "<ProductComposition>",
      "<ProductForm>",
      "<ProductFormDetail>",
      "<ProductFormFeature>",
      "<Collection>",
      "<TitleDetail>\n        <TitleType>01</TitleType>\n        <TitleElement>\n          <TitleElementLevel>01",
      "<Contributor>",
      "<EditionStatement>",
      "<Language>",
      "<Extent>",
      "<Subject>",
      "<CollateralDetail>",
      "<PublishingDetail>",
      "<ProductSupply>",
    ].map((tag) => product0.indexOf(tag));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("onixMessageChunks", () => {
  it("streams the same document one batch at a time", async () => {
    async function* batches() {
      yield products.slice(0, 2);
      yield await Promise.resolve([]);
      yield products.slice(2);
    }
    const chunks: string[] = [];
    for await (const chunk of onixMessageChunks(batches(), SENDER, SENT_AT)) chunks.push(chunk);
    expect(chunks).toHaveLength(4);
    expect(chunks.join("")).toBe(xml);
  });

  it("is a valid message with no products at all", async () => {
    const chunks: string[] = [];
    for await (const chunk of onixMessageChunks([], SENDER, SENT_AT)) chunks.push(chunk);
    expect(XMLValidator.validate(chunks.join(""))).toBe(true);
  });
});

describe("code mappings", () => {
  it("turns stored language codes into ISO 639-2/B", () => {
    expect(
      ["en", "es", "zh", "de", "fr", "EN", "deu", "eng", "ger", "xx", "english"].map(onixLanguageCode),
    ).toEqual(["eng", "spa", "chi", "ger", "fre", "eng", "ger", "eng", "ger", null, null]);
  });

  it("names the file format only when the label says it", () => {
    const detail = (format: OnixEdition["format"], formatLabel: string | null, formatIsPlaceholder = false) =>
      onixProductFormDetail({ format, formatLabel, formatIsPlaceholder });
    expect(detail("ebook", "Kindle Edition")).toBe("E116");
    expect(detail("ebook", "EPUB")).toBe("E101");
    expect(detail("ebook", "PDF ebook")).toBe("E107");
    expect(detail("ebook", null)).toBeNull();
    expect(detail("ebook", "Kindle Edition", true)).toBeNull();
    expect(detail("audiobook", "MP3 download")).toBe("A103");
    expect(detail("paperback", "Kindle Edition")).toBeNull();
  });

  it("claims list 196 codes only for features that have one, and only for ebooks", () => {
    const codes = (format: OnixEdition["format"], features: Partial<OnixEdition["readingFeatures"]>) =>
      onixAccessibilityCodes({ format, readingFeatures: { ...NO_FEATURES, ...features } });
    expect(codes("ebook", { textToSpeech: true, wordWise: true })).toEqual([]);
    expect(codes("ebook", { screenReader: true })).toEqual(["13"]);
    expect(codes("ebook", { enhancedTypesetting: true, screenReader: false })).toEqual(["36"]);
    expect(codes("paperback", { screenReader: true, enhancedTypesetting: true })).toEqual([]);
  });

  it("builds record references from the site's host, reversed, and the edition id", () => {
    expect(onixRecordReference("https://www.quirebooks.com", 7)).toBe("com.quirebooks.edition.7");
    expect(onixRecordReference("https://shop.quirebooks.co.uk/", 7)).toBe("uk.co.quirebooks.shop.edition.7");
    expect(onixRecordReference("http://localhost:3000", 7)).toBe("localhost.edition.7");
    expect(onixRecordReference("http://127.0.0.1:3100", 7)).toBe("127.0.0.1.edition.7");
  });

  it("formats SentDateTime as YYYYMMDDThhmmssZ", () => {
    expect(onixDateTime(new Date("2026-12-31T23:59:58.001Z"))).toBe("20261231T235958Z");
  });
});
