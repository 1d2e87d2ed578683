// ONIX for Books 3.0 (reference tags) from the catalog's plain data: one <Product> per edition,
// since each edition is a trade item with its own identifier and price. Pure: no database, no
// environment; lib/catalog/exchange/onix-export.ts feeds it from the database in batches. The code lists
// used and what is not exported are in docs/admin.md ("ONIX 3.0 export").
import { iso6392BTo1, iso6392TTo2B } from "iso-639-2";
import type { Availability, ContributorRole, EditionFormat, ReadingFeatures } from "../shared/types";
import { toDecimalString } from "../shared/money";
import { CONTRIBUTOR_ROLES, EDITION_FORMATS } from "../shared/vocabulary";
import {
  el,
  elWith,
  openTag,
  serializeXml,
  XML_DECLARATION,
  type XmlChild,
  type XmlElement,
} from "@/lib/xml";

const ONIX_NAMESPACE = "http://ns.editeur.org/onix/3.0/reference";

export interface OnixContributor {
  name: string;
  /** "Key, Before" as the catalog stores it ("Balakrishna, Sandeep"); null when unknown. */
  sortName: string | null;
  role: ContributorRole;
  bio: string | null;
}

export interface OnixBook {
  id: number;
  title: string;
  subtitle: string | null;
  description: string | null;
  teaser: string | null;
  /** BCP 47 primary language codes as stored ("en", "es"). */
  languages: string[];
  series: { name: string; position: number | null } | null;
  categories: { slug: string; name: string }[];
  contributors: OnixContributor[];
  /** The uploaded front cover as uploaded, at its absolute address; null: none (the generated one is not sent). */
  cover: { url: string; mediaType: string; width: number; height: number } | null;
}

export interface OnixEdition {
  id: number;
  format: EditionFormat;
  formatLabel: string | null;
  /** The store chose the format (the source named none): no file format is claimed from it. */
  formatIsPlaceholder: boolean;
  editionLabel: string | null;
  isbn13: string | null;
  priceMinor: number;
  currency: string;
  availability: Availability;
  publisher: string | null;
  /** YYYY-MM-DD */
  publicationDate: string | null;
  pageCount: number | null;
  fileSizeKb: number | null;
  readingFeatures: ReadingFeatures;
}

export interface OnixProductInput {
  book: OnixBook;
  edition: OnixEdition;
}

export interface OnixSender {
  /** SenderName and SupplierName ("Quire Books"). */
  name: string;
  /** The store's public URL (SITE_URL): its host prefixes every RecordReference. */
  siteUrl: string;
}

// List 1 (notification type): a preorder is announced ahead of publication, the rest are published.
const NOTIFICATION_TYPE: Record<Availability, string> = {
  in_stock: "03",
  out_of_stock: "03",
  discontinued: "03",
  preorder: "02",
};

// List 64 (publishing status). The store knows its own supply, not the publisher's status: an
// edition the store discontinued may still be active elsewhere, hence 09 Unknown.
const PUBLISHING_STATUS: Record<Availability, string> = {
  in_stock: "04",
  out_of_stock: "04",
  preorder: "02",
  discontinued: "09",
};

// List 65 (product availability), from the store as supplier. Digital editions are "available"
// (20) rather than "in stock" (21), which ONIX reserves for stock items.
function productAvailability(edition: OnixEdition): string {
  switch (edition.availability) {
    case "in_stock":
      return EDITION_FORMATS[edition.format].shipped ? "21" : "20";
    case "preorder":
      return "10";
    case "out_of_stock":
      return "31";
    case "discontinued":
      return "43";
  }
}

/**
 * List 175 (product form detail) from the file format the edition's label names. Nothing is
 * guessed: an ebook labelled only "Ebook", or whose format the store chose itself, gets none.
 */
export function onixProductFormDetail(
  edition: Pick<OnixEdition, "format" | "formatLabel" | "formatIsPlaceholder">,
): string | null {
  if (edition.formatIsPlaceholder) return null;
  const label = (edition.formatLabel ?? "").toLowerCase();
  if (edition.format === "ebook") {
    if (label.includes("kindle")) return "E116"; // Amazon Kindle
    if (label.includes("epub")) return "E101"; // EPUB
    if (label.includes("pdf")) return "E107"; // PDF
  }
  if (edition.format === "audiobook") {
    if (label.includes("audible")) return "A109"; // Audible
    if (label.includes("mp3")) return "A103"; // MP3
  }
  return null;
}

/**
 * List 196 (e-publication accessibility details) codes the edition's reading features really
 * claim, as ProductFormFeatureType 09. Screen-reader support means the text is exposed to
 * assistive technology in its reading order (13, as schema.org readingOrder in the JSON-LD);
 * enhanced typesetting means reflowable text whose size, typeface and spacing the reader can
 * change (36, schema.org displayTransformability). Text-to-speech "enabled" and Word Wise are
 * reading-system services: 21 is about speech hints inside the file, 10 requires that no
 * accessibility option at all is disabled, 38 about explanations carried by the file, so none of
 * those is claimed.
 */
export function onixAccessibilityCodes(edition: Pick<OnixEdition, "format" | "readingFeatures">): string[] {
  if (edition.format !== "ebook") return [];
  const codes: string[] = [];
  if (edition.readingFeatures.screenReader) codes.push("13");
  if (edition.readingFeatures.enhancedTypesetting) codes.push("36");
  return codes;
}

const ISO_639_1_TO_2B: Record<string, string> = Object.fromEntries(
  Object.entries(iso6392BTo1).map(([bibliographic, twoLetter]) => [twoLetter, bibliographic]),
);
const ISO_639_2B = new Set(Object.keys(iso6392BTo1));

/**
 * List 74 (ISO 639-2/B) for a stored code: "en" -> "eng", "zh" -> "chi", "de" -> "ger"; a
 * terminology code is turned into its bibliographic twin ("deu" -> "ger"); null when unknown.
 */
export function onixLanguageCode(code: string): string | null {
  const c = code.trim().toLowerCase();
  if (c.length === 2) return ISO_639_1_TO_2B[c] ?? null;
  if (c.length !== 3) return null;
  const fromTerminology = (iso6392TTo2B as Record<string, string | undefined>)[c];
  if (fromTerminology) return fromTerminology;
  return ISO_639_2B.has(c) || /^q[a-t][a-z]$/.test(c) || c === "mul" || c === "und" ? c : null;
}

/**
 * A RecordReference that stays the same across exports and ISBN or slug changes: the store's
 * host, reversed as ONIX recommends (books.example.com -> com.example.books), and the edition id.
 */
export function onixRecordReference(siteUrl: string, editionId: number): string {
  const host = new URL(siteUrl).hostname.replace(/^www\./, "");
  const isAddress = /^[\d.]+$/.test(host) || host.includes(":");
  const prefix = isAddress ? host : host.split(".").reverse().join(".");
  return `${prefix}.edition.${editionId}`;
}

/** YYYYMMDDThhmmssZ, one of ONIX 3.0's SentDateTime forms. */
export function onixDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** "Balakrishna, Sandeep" -> key names and names before key; null unless both are there. */
function nameParts(sortName: string | null): { key: string; before: string } | null {
  const comma = sortName?.indexOf(",") ?? -1;
  if (!sortName || comma < 0) return null;
  const key = sortName.slice(0, comma).trim();
  const before = sortName.slice(comma + 1).trim();
  return key && before ? { key, before } : null;
}

function contributorElement(contributor: OnixContributor, sequence: number): XmlElement {
  // Structured names only from the stored sort name: splitting "Shen Zihua" at its last space
  // would make the given name the key name.
  const parts = nameParts(contributor.sortName);
  return el(
    "Contributor",
    el("SequenceNumber", sequence),
    el("ContributorRole", CONTRIBUTOR_ROLES[contributor.role].onixCode),
    el("PersonName", contributor.name),
    parts && [
      el("PersonNameInverted", `${parts.key}, ${parts.before}`),
      el("NamesBeforeKey", parts.before),
      el("KeyNames", parts.key),
    ],
    contributor.bio && el("BiographicalNote", contributor.bio),
  );
}

function productIdentifiers(edition: OnixEdition, sender: OnixSender): XmlChild[] {
  if (edition.isbn13) {
    return [
      el("ProductIdentifier", el("ProductIDType", "15"), el("IDValue", edition.isbn13)),
      el("ProductIdentifier", el("ProductIDType", "03"), el("IDValue", edition.isbn13)),
    ];
  }
  return [
    el(
      "ProductIdentifier",
      el("ProductIDType", "01"),
      el("IDTypeName", `${sender.name} edition`),
      el("IDValue", `edition-${edition.id}`),
    ),
  ];
}

function extents(edition: OnixEdition): XmlChild[] {
  const printed = edition.format === "paperback" || edition.format === "hardcover";
  return [
    edition.pageCount !== null &&
      el(
        "Extent",
        // 00 main content page count for print; 08 pages of the print counterpart otherwise.
        el("ExtentType", printed ? "00" : "08"),
        el("ExtentValue", edition.pageCount),
        el("ExtentUnit", "03"),
      ),
    edition.format === "ebook" &&
      edition.fileSizeKb !== null &&
      el("Extent", el("ExtentType", "22"), el("ExtentValue", edition.fileSizeKb), el("ExtentUnit", "18")),
  ];
}

function descriptiveDetail({ book, edition }: OnixProductInput, sender: OnixSender): XmlElement {
  const formDetail = onixProductFormDetail(edition);
  const languages = [...new Set(book.languages.map(onixLanguageCode).filter((c) => c !== null))];
  return el(
    "DescriptiveDetail",
    el("ProductComposition", "00"),
    el("ProductForm", EDITION_FORMATS[edition.format].onixProductForm),
    formDetail && el("ProductFormDetail", formDetail),
    onixAccessibilityCodes(edition).map((code) =>
      el("ProductFormFeature", el("ProductFormFeatureType", "09"), el("ProductFormFeatureValue", code)),
    ),
    book.series &&
      el(
        "Collection",
        el("CollectionType", "10"),
        el(
          "TitleDetail",
          el("TitleType", "01"),
          el(
            "TitleElement",
            el("TitleElementLevel", "02"),
            book.series.position !== null && el("PartNumber", book.series.position),
            el("TitleText", book.series.name),
          ),
        ),
      ),
    el(
      "TitleDetail",
      el("TitleType", "01"),
      el(
        "TitleElement",
        el("TitleElementLevel", "01"),
        el("TitleText", book.title),
        book.subtitle && el("Subtitle", book.subtitle),
      ),
    ),
    book.contributors.map((c, i) => contributorElement(c, i + 1)),
    edition.editionLabel && el("EditionStatement", edition.editionLabel),
    languages.map((code) => el("Language", el("LanguageRole", "01"), el("LanguageCode", code))),
    extents(edition),
    book.categories.map((category) =>
      el(
        "Subject",
        el("SubjectSchemeIdentifier", "24"),
        el("SubjectSchemeName", `${sender.name} categories`),
        el("SubjectCode", category.slug),
        el("SubjectHeadingText", category.name),
      ),
    ),
  );
}

/** List 178 file formats of the images staff may upload (WebP has no code there: none is claimed). */
const RESOURCE_FILE_FORMAT: Record<string, string> = { "image/jpeg": "D502", "image/png": "D503" };

/**
 * The front cover as a downloadable image: ResourceContentType 01 front cover [158], ResourceMode
 * 03 image [159], ResourceForm 02 downloadable file [161], and its features [160]: file format
 * 01 [178], height 02 and width 03 in pixels.
 */
function frontCover(cover: NonNullable<OnixBook["cover"]>): XmlElement {
  const feature = (type: string, value: string) =>
    el("ResourceVersionFeature", el("ResourceVersionFeatureType", type), el("FeatureValue", value));
  const format = RESOURCE_FILE_FORMAT[cover.mediaType];
  return el(
    "SupportingResource",
    el("ResourceContentType", "01"),
    el("ContentAudience", "00"),
    el("ResourceMode", "03"),
    el(
      "ResourceVersion",
      el("ResourceForm", "02"),
      format && feature("01", format),
      feature("02", String(cover.height)),
      feature("03", String(cover.width)),
      el("ResourceLink", cover.url),
    ),
  );
}

function collateralDetail(book: OnixBook): XmlElement | null {
  const description = book.description ?? book.teaser;
  if (!description && !book.cover) return null;
  const text = (type: string, value: string) =>
    el("TextContent", el("TextType", type), el("ContentAudience", "00"), el("Text", value));
  return el(
    "CollateralDetail",
    description && text("03", description),
    book.description && book.teaser && book.teaser !== book.description && text("02", book.teaser),
    book.cover && frontCover(book.cover),
  );
}

function publishingDetail(edition: OnixEdition): XmlElement {
  return el(
    "PublishingDetail",
    edition.publisher && el("Publisher", el("PublishingRole", "01"), el("PublisherName", edition.publisher)),
    el("PublishingStatus", PUBLISHING_STATUS[edition.availability]),
    edition.publicationDate &&
      el(
        "PublishingDate",
        el("PublishingDateRole", "01"),
        elWith("Date", { dateformat: "00" }, edition.publicationDate.replace(/-/g, "")),
      ),
  );
}

function productSupply(edition: OnixEdition, sender: OnixSender): XmlElement {
  return el(
    "ProductSupply",
    el(
      "SupplyDetail",
      el("Supplier", el("SupplierRole", "08"), el("SupplierName", sender.name)),
      el("ProductAvailability", productAvailability(edition)),
      el(
        "Price",
        // 02: the amount a shopper pays; checkout adds no tax on top of it.
        el("PriceType", "02"),
        el("PriceAmount", toDecimalString(edition.priceMinor, edition.currency)),
        el("CurrencyCode", edition.currency),
      ),
    ),
  );
}

/** One <Product> for an edition of a book. */
function onixProduct(input: OnixProductInput, sender: OnixSender): XmlElement {
  const { book, edition } = input;
  return el(
    "Product",
    el("RecordReference", onixRecordReference(sender.siteUrl, edition.id)),
    el("NotificationType", NOTIFICATION_TYPE[edition.availability]),
    productIdentifiers(edition, sender),
    descriptiveDetail(input, sender),
    collateralDetail(book),
    publishingDetail(edition),
    productSupply(edition, sender),
  );
}

function onixHeader(sender: OnixSender, sentAt: Date): XmlElement {
  return el("Header", el("Sender", el("SenderName", sender.name)), el("SentDateTime", onixDateTime(sentAt)));
}

/** The XML declaration, the message's opening tag and its Header. */
function onixMessageHead(sender: OnixSender, sentAt: Date): string {
  return `${XML_DECLARATION}${openTag("ONIXMessage", { release: "3.0", xmlns: ONIX_NAMESPACE })}\n${serializeXml(onixHeader(sender, sentAt), 1)}`;
}

const ONIX_MESSAGE_TAIL = "</ONIXMessage>\n";

function productsXml(products: OnixProductInput[], sender: OnixSender): string {
  return products.map((p) => serializeXml(onixProduct(p, sender), 1)).join("");
}

/**
 * The message as text chunks: the head, one chunk per batch of products, the tail. Memory stays
 * bounded by one batch however large the catalog.
 */
export async function* onixMessageChunks(
  batches: AsyncIterable<OnixProductInput[]> | Iterable<OnixProductInput[]>,
  sender: OnixSender,
  sentAt: Date,
): AsyncGenerator<string> {
  yield onixMessageHead(sender, sentAt);
  for await (const batch of batches) {
    if (batch.length) yield productsXml(batch, sender);
  }
  yield ONIX_MESSAGE_TAIL;
}

/** The whole message as one string (small catalogs and tests). */
export function buildOnixMessage(products: OnixProductInput[], sender: OnixSender, sentAt: Date): string {
  return onixMessageHead(sender, sentAt) + productsXml(products, sender) + ONIX_MESSAGE_TAIL;
}
