// Structured data for search engines, typed with schema-dts. Only this store's own shopper
// ratings become an AggregateRating; the source listing's "5 out of 5" never does.
import type {
  Article,
  Book,
  BookFormatType,
  BreadcrumbList,
  ItemAvailability,
  ItemList,
  Offer,
  Organization,
  Person,
  Product,
  Role,
  SearchAction,
  WebSite,
  WithContext,
} from "schema-dts";
import type { RatingDistribution } from "@/lib/catalog/ratings/service";
import {
  type ArticleView,
  type BookDetail,
  type EditionView,
  toDecimalString,
  EDITION_FORMATS,
} from "@/lib/catalog/shared";
import { metaDescription } from "./metadata";

export interface SiteInfo {
  name: string;
  url: string;
  logoUrl: string;
}

const AVAILABILITY: Record<EditionView["availability"], ItemAvailability> = {
  in_stock: "https://schema.org/InStock",
  preorder: "https://schema.org/PreOrder",
  out_of_stock: "https://schema.org/OutOfStock",
  discontinued: "https://schema.org/Discontinued",
};

/**
 * schema.org accessibility terms an ebook edition can claim from its reading features.
 * Screen-reader support: the text is readable in order by assistive technology; adjustable
 * typesetting: the display can be transformed (font, size, spacing).
 */
export function accessibilityOf(edition: EditionView): {
  accessibilityFeature: string[];
  accessMode: string[];
  accessModeSufficient: ItemList[];
} | null {
  if (edition.format !== "ebook") return null;
  const f = edition.readingFeatures;
  const features: string[] = [];
  if (f.screenReader) features.push("readingOrder", "structuralNavigation");
  if (f.enhancedTypesetting) features.push("displayTransformability");
  if (f.wordWise) features.push("annotations");
  return {
    accessibilityFeature: features.length ? features : ["none"],
    accessMode: ["textual"],
    // Each list is a set of senses that suffices on its own: the text; and, when the book can be
    // read aloud (text-to-speech, screen readers), hearing alone.
    accessModeSufficient: [
      { "@type": "ItemList", itemListElement: ["textual"], description: "Text" },
      ...(f.textToSpeech || f.screenReader
        ? [{ "@type": "ItemList" as const, itemListElement: ["auditory"], description: "Read aloud" }]
        : []),
    ],
  };
}

function person(name: string): Person {
  return { "@type": "Person", name };
}

function offerOf(edition: EditionView, url: string): Offer {
  return {
    "@type": "Offer",
    url,
    price: toDecimalString(edition.price.amountMinor, edition.price.currency),
    priceCurrency: edition.price.currency,
    availability: AVAILABILITY[edition.availability],
    itemCondition: "https://schema.org/NewCondition",
    sku: `edition-${edition.id}`,
    ...(edition.isbn13 ? { gtin13: edition.isbn13 } : {}),
  };
}

/** A Book (the work) with its editions as workExample, and a Product carrying the offers. */
export function bookJsonLd(
  book: BookDetail,
  ratings: RatingDistribution,
  { url, imageUrl, site }: { url: string; imageUrl: string; site: SiteInfo },
): WithContext<Book | Product>[] {
  const authors = book.contributors.filter((c) => c.role === "author").map((c) => person(c.name));
  const translators = book.contributors.filter((c) => c.role === "translator").map((c) => person(c.name));
  const editors = book.contributors.filter((c) => c.role === "editor").map((c) => person(c.name));
  const illustrators = book.contributors.filter((c) => c.role === "illustrator").map((c) => person(c.name));
  const originalAuthors: Role<Person, "contributor">[] = book.contributors
    .filter((c) => c.role === "original_author")
    .map((c) => ({ "@type": "Role", roleName: "Original author", contributor: person(c.name) }));
  const language = book.languages.length === 1 ? book.languages[0]! : book.languages;
  const aggregateRating =
    ratings.count > 0
      ? {
          "@type": "AggregateRating" as const,
          ratingValue: ratings.average,
          ratingCount: ratings.count,
          bestRating: 5,
          worstRating: 1,
        }
      : undefined;
  // The page shows the whole description; structured data carries its summary, as the meta
  // description does, once: on the Product, which merchant listings read (the page's HTML and its
  // RSC payload each hold the JSON-LD, so every repeated field costs the page twice).
  const fullText = book.description ?? book.teaser;
  const description = fullText ? metaDescription(fullText) : undefined;

  const work: WithContext<Book> = {
    "@context": "https://schema.org",
    "@type": "Book",
    "@id": `${url}#book`,
    name: book.title,
    ...(book.subtitle ? { alternativeHeadline: book.subtitle } : {}),
    url,
    image: imageUrl,
    inLanguage: language,
    ...(authors.length ? { author: authors } : {}),
    ...(translators.length ? { translator: translators } : {}),
    ...(editors.length ? { editor: editors } : {}),
    ...(illustrators.length ? { illustrator: illustrators } : {}),
    ...(originalAuthors.length ? { contributor: originalAuthors } : {}),
    ...(book.categories.length ? { genre: book.categories.map((c) => c.name) } : {}),
    ...(book.series
      ? {
          isPartOf: {
            "@type": "BookSeries",
            name: book.series.name,
            url: new URL(`/series/${book.series.slug}`, site.url).toString(),
          },
          ...(book.series.position ? { position: book.series.position } : {}),
        }
      : {}),
    ...(aggregateRating ? { aggregateRating } : {}),
    workExample: book.editions.map((edition) => {
      const access = accessibilityOf(edition);
      return {
        "@type": "Book",
        "@id": `${url}#edition-${edition.id}`,
        name: book.title,
        bookFormat:
          `https://schema.org/${EDITION_FORMATS[edition.format].schemaOrgBookFormat}` as BookFormatType,
        inLanguage: language,
        ...(edition.editionLabel ? { bookEdition: edition.editionLabel } : {}),
        ...(edition.isbn13 ? { isbn: edition.isbn13 } : {}),
        ...(edition.pageCount ? { numberOfPages: edition.pageCount } : {}),
        ...(edition.publisher ? { publisher: { "@type": "Organization", name: edition.publisher } } : {}),
        ...(edition.publicationDate ? { datePublished: edition.publicationDate } : {}),
        ...(access ?? {}),
        offers: offerOf(edition, url),
      } satisfies Book;
    }),
  };

  const product: WithContext<Product> = {
    "@context": "https://schema.org",
    "@type": "Product",
    "@id": `${url}#product`,
    name: book.subtitle ? `${book.title}: ${book.subtitle}` : book.title,
    url,
    image: imageUrl,
    ...(description ? { description } : {}),
    brand: { "@type": "Brand", name: site.name },
    category: "Media > Books",
    ...(book.editions[0]?.isbn13 ? { gtin13: book.editions[0].isbn13 } : {}),
    sku: book.slug,
    ...(aggregateRating ? { aggregateRating } : {}),
    offers: book.editions.map((e) => offerOf(e, url)),
  };
  return [work, product];
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]): WithContext<BreadcrumbList> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

export function articleJsonLd(
  article: ArticleView,
  { url, imageUrl, bookUrl, site }: { url: string; imageUrl: string; bookUrl: string | null; site: SiteInfo },
): WithContext<Article> {
  const publisher: Organization = {
    "@type": "Organization",
    name: site.name,
    url: site.url,
    logo: site.logoUrl,
  };
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: article.title.slice(0, 110),
    url,
    mainEntityOfPage: url,
    image: imageUrl,
    ...(article.excerpt ? { description: article.excerpt } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    dateModified: article.updatedAt,
    author: { "@type": "Organization", name: `${site.name} editors`, url: site.url },
    publisher,
    inLanguage: "en",
    ...(article.book && bookUrl
      ? { about: { "@type": "Book", name: article.book.title, url: bookUrl } }
      : {}),
  };
}

// schema-dts does not type the "query-input" annotation search engines read.
function searchAction(site: SiteInfo): SearchAction {
  const action: SearchAction & { "query-input": string } = {
    "@type": "SearchAction",
    target: { "@type": "EntryPoint", urlTemplate: `${site.url}/search?q={search_term_string}` },
    "query-input": "required name=search_term_string",
  };
  return action;
}

export function siteJsonLd(site: SiteInfo): WithContext<Organization | WebSite>[] {
  return [
    {
      "@context": "https://schema.org",
      "@type": "Organization",
      name: site.name,
      url: site.url,
      logo: site.logoUrl,
    },
    {
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: site.name,
      url: site.url,
      potentialAction: searchAction(site),
    },
  ];
}

/** JSON for a <script type="application/ld+json">, with "<" escaped so text cannot close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
