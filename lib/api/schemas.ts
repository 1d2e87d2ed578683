// The public API's documents, as zod schemas. The OpenAPI document is generated from these
// (lib/api/openapi.ts); the mappers below turn catalog types into them.
import { z } from "zod";
import {
  listingSchema,
  AVAILABILITY_VALUES,
  BOOK_STATUSES,
  EDITION_FORMAT_VALUES,
  type ListingForEdit,
} from "@/lib/catalog/listings/service";
import { ratingInputSchema, type RatingDistribution, type RatingView } from "@/lib/catalog/ratings/service";
import { type SearchResult, SEARCH_WINDOW, parseSnippet } from "@/lib/catalog/search/service";
import {
  toDecimalString,
  type BookDetail,
  type BookSummary,
  type ContributorCredit,
  type EditionView,
} from "@/lib/catalog/shared";
import type { ContributorView, SeriesView } from "@/lib/catalog/taxonomy/service";
import { absoluteUrl } from "@/lib/site";

export const apiRegistry = z.registry<{ id: string; description?: string }>();

function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
  apiRegistry.add(schema, { id, description });
  return schema;
}

export const Money = component(
  "Money",
  "An amount: decimal string for display and feeds, integer minor units for arithmetic.",
  z.object({
    amount: z.string().describe('Decimal amount, e.g. "39.99".'),
    amountMinor: z.number().int().describe("Amount in the currency's minor units (cents for USD)."),
    currency: z.string().length(3).describe("ISO 4217 code."),
  }),
);

export const ContributorCreditDoc = component(
  "ContributorCredit",
  "A contributor as credited on a book, with their role (ONIX code list 17).",
  z.object({
    name: z.string(),
    slug: z.string(),
    role: z.enum(["author", "original_author", "translator", "illustrator", "editor"]),
    roleLabel: z.string(),
    onixRole: z
      .string()
      .describe(
        "ONIX list 17 code: A01 author, A38 original author, B06 translator, A12 illustrator, B01 editor.",
      ),
    note: z.string().nullable(),
  }),
);

export const CategoryRefDoc = component(
  "CategoryRef",
  "A category a book belongs to.",
  z.object({ slug: z.string(), name: z.string() }),
);

export const RatingSummaryDoc = component(
  "RatingSummary",
  "This store's published shopper ratings (never the source listing's own figure).",
  z.object({ count: z.number().int(), average: z.number() }),
);

export const BookSummaryDoc = component(
  "BookSummary",
  "A published book as lists show it.",
  z.object({
    slug: z.string(),
    url: z.url(),
    title: z.string(),
    subtitle: z.string().nullable(),
    teaser: z.string().nullable(),
    languages: z.array(z.string()).describe("BCP 47 language codes, in credited order."),
    contributors: z.array(ContributorCreditDoc),
    categories: z.array(CategoryRefDoc),
    fromPrice: Money.nullable().describe("The cheapest edition's price."),
    primaryFormat: z.string().nullable(),
    listingRating: z
      .string()
      .nullable()
      .describe('The source listing\'s own rating text, e.g. "5 out of 5". Not a shopper rating.'),
    rating: RatingSummaryDoc,
    updatedAt: z.iso.datetime(),
  }),
);

export const ReadingFeaturesDoc = component(
  "ReadingFeatures",
  "Ebook reading features; null when unknown.",
  z.object({
    textToSpeech: z.boolean().nullable(),
    screenReader: z.boolean().nullable(),
    enhancedTypesetting: z.boolean().nullable(),
    wordWise: z.boolean().nullable(),
  }),
);

export const EditionDoc = component(
  "Edition",
  "One sellable format of a book.",
  z.object({
    id: z.number().int(),
    format: z.enum(["ebook", "paperback", "hardcover", "audiobook"]),
    formatName: z.string(),
    editionLabel: z.string().nullable(),
    isbn13: z
      .string()
      .regex(/^\d{13}$/)
      .nullable(),
    price: Money,
    availability: z.enum(["in_stock", "preorder", "out_of_stock", "discontinued"]),
    publisher: z.string().nullable(),
    publicationDate: z.iso.date().nullable(),
    pageCount: z.number().int().nullable(),
    fileSizeKb: z.number().int().nullable(),
    readingFeatures: ReadingFeaturesDoc,
  }),
);

export const RatingDistributionDoc = component(
  "RatingDistribution",
  "Published shopper ratings: count, average and the count per star value.",
  z.object({
    count: z.number().int(),
    average: z.number(),
    stars: z.array(z.object({ stars: z.number().int().min(1).max(5), count: z.number().int() })),
  }),
);

export const BookDetailDoc = component(
  "BookDetail",
  "A published book with its editions, credits, series and ratings.",
  BookSummaryDoc.extend({
    description: z.string().nullable(),
    series: z
      .object({ slug: z.string(), name: z.string(), position: z.number().int().nullable() })
      .nullable(),
    editions: z.array(EditionDoc),
    articles: z.array(z.object({ slug: z.string(), title: z.string(), url: z.url() })),
    ratings: RatingDistributionDoc,
    publishedAt: z.iso.datetime().nullable(),
  }),
);

export const PageInfoDoc = component(
  "PageInfo",
  "Cursor pagination: pass nextCursor as `cursor` to get the next page; null on the last page.",
  z.object({ limit: z.number().int(), nextCursor: z.string().nullable() }),
);

export const BookListDoc = component(
  "BookList",
  "A page of books.",
  z.object({ data: z.array(BookSummaryDoc), page: PageInfoDoc, total: z.number().int() }),
);

export const SearchHighlightDoc = component(
  "SearchHighlight",
  "A matched word in a search snippet or title, as UTF-16 code-unit offsets (`end` exclusive): `snippet.slice(start, end)` in JavaScript.",
  z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }),
);

export const SearchHitDoc = component(
  "SearchHit",
  "A book matching a search, with a passage of its description around the matched words.",
  z.object({
    book: BookSummaryDoc,
    snippet: z.string().describe("Plain text (no markup); may be empty when the book has no description."),
    highlights: z.array(SearchHighlightDoc).describe("The matched words in `snippet`, in order."),
    titleHighlights: z
      .array(SearchHighlightDoc)
      .describe("The matched words in `book.title`, in order; empty when the title has none."),
    nameHighlights: z
      .array(z.array(SearchHighlightDoc))
      .describe(
        "For each of `book.contributors`, in that order, the matched words in its `name` (often none).",
      ),
  }),
);

export const SearchPageDoc = component(
  "SearchPage",
  "Page-number pagination of a ranked search: pass `page` (1 to pageCount) with the same parameters.",
  z.object({
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    pageCount: z.number().int().min(1).describe("Pages in the result window; at least 1."),
  }),
);

export const SearchResultsDoc = component(
  "SearchResults",
  "A page of search results, best match first unless another sort was asked for.",
  z.object({
    q: z.string().describe("The search text as run (whitespace collapsed)."),
    suggestion: z
      .string()
      .nullable()
      .describe('"Did you mean": the text with misspelled words corrected; null when none.'),
    data: z.array(SearchHitDoc),
    page: SearchPageDoc,
    total: z
      .number()
      .int()
      .describe(
        `Matching books, counted up to the result window (${SEARCH_WINDOW.toLocaleString("en-US")}); see totalIsCapped.`,
      ),
    totalIsCapped: z
      .boolean()
      .describe(
        `True when more books match than the window holds: show the total as ${SEARCH_WINDOW.toLocaleString("en-US")}+.`,
      ),
  }),
);

export const CategoryDoc = component(
  "Category",
  "A category with its parent and how many published books it holds.",
  z.object({
    slug: z.string(),
    name: z.string(),
    parentSlug: z.string().nullable(),
    bookCount: z.number().int(),
    url: z.url(),
  }),
);

export const CategoryListDoc = component(
  "CategoryList",
  "Every category.",
  z.object({ data: z.array(CategoryDoc) }),
);

export const SeriesDoc = component(
  "Series",
  "A series with its published books in reading order.",
  z.object({
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    url: z.url(),
    books: z.array(BookSummaryDoc.extend({ seriesPosition: z.number().int().nullable() })),
  }),
);

export const ContributorDoc = component(
  "Contributor",
  "A contributor with each published book and the role(s) they had on it.",
  z.object({
    slug: z.string(),
    name: z.string(),
    bio: z.string().nullable(),
    url: z.url(),
    books: z.array(
      z.object({
        book: BookSummaryDoc,
        roles: z.array(
          z.object({ role: ContributorCreditDoc.shape.role, label: z.string(), onixCode: z.string() }),
        ),
      }),
    ),
  }),
);

export const RatingDoc = component(
  "Rating",
  "A published shopper rating.",
  z.object({
    id: z.number().int(),
    stars: z.number().int().min(1).max(5),
    title: z.string().nullable(),
    body: z.string().nullable(),
    displayName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  }),
);

export const RatingListDoc = component(
  "RatingList",
  "A page of a book's published ratings, newest first.",
  z.object({ data: z.array(RatingDoc), page: PageInfoDoc, summary: RatingDistributionDoc }),
);

export const RatingInputDoc = component(
  "RatingInput",
  "A shopper's rating of a book: the same schema validates the product page's form.",
  ratingInputSchema,
);

export const CreatedRatingDoc = component(
  "CreatedRating",
  "The rating just stored: `published` counts at once, `pending` after moderation.",
  RatingDoc.extend({ status: z.enum(["published", "pending"]) }),
);

export const ProblemDoc = component(
  "Problem",
  "An error (RFC 9457). `type` is stable; `errors` names each failing parameter or field.",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
  }),
);

// ---------------------------------------------------------------------------------------------
// Mappers

function money(amountMinor: number, currency: string): z.infer<typeof Money> {
  return { amount: toDecimalString(amountMinor, currency), amountMinor, currency };
}

function credit(c: ContributorCredit): z.infer<typeof ContributorCreditDoc> {
  return {
    name: c.name,
    slug: c.slug,
    role: c.role,
    roleLabel: c.roleLabel,
    onixRole: c.onixRole,
    note: c.note,
  };
}

export function toBookSummaryDoc(book: BookSummary): z.infer<typeof BookSummaryDoc> {
  return {
    slug: book.slug,
    url: absoluteUrl(`/books/${book.slug}`),
    title: book.title,
    subtitle: book.subtitle,
    teaser: book.teaser,
    languages: book.languages,
    contributors: book.contributors.map(credit),
    categories: book.categories,
    fromPrice: book.fromPrice ? money(book.fromPrice.amountMinor, book.fromPrice.currency) : null,
    primaryFormat: book.primaryFormatName,
    listingRating: book.listingRating,
    rating: book.rating,
    updatedAt: book.updatedAt,
  };
}

/** A database snippet (matched words between sentinels) as plain text and the matched words' offsets. */
export function snippetHighlights(
  snippet: string,
): Pick<z.infer<typeof SearchHitDoc>, "snippet" | "highlights"> {
  let text = "";
  const highlights: z.infer<typeof SearchHighlightDoc>[] = [];
  for (const part of parseSnippet(snippet)) {
    if (part.mark) highlights.push({ start: text.length, end: text.length + part.text.length });
    text += part.text;
  }
  return { snippet: text, highlights };
}

export function toSearchResultsDoc(result: SearchResult): z.infer<typeof SearchResultsDoc> {
  return {
    q: result.q,
    suggestion: result.suggestion,
    data: result.hits.map((hit) => ({
      book: toBookSummaryDoc(hit.book),
      ...snippetHighlights(hit.snippet),
      titleHighlights: snippetHighlights(hit.markedTitle).highlights,
      nameHighlights: hit.markedNames.map((name) => snippetHighlights(name).highlights),
    })),
    page: { page: result.page, pageSize: result.pageSize, pageCount: result.pageCount },
    total: result.total,
    totalIsCapped: result.totalIsCapped,
  };
}

function edition(e: EditionView): z.infer<typeof EditionDoc> {
  return {
    id: e.id,
    format: e.format,
    formatName: e.formatName,
    editionLabel: e.editionLabel,
    isbn13: e.isbn13,
    price: money(e.price.amountMinor, e.price.currency),
    availability: e.availability,
    publisher: e.publisher,
    publicationDate: e.publicationDate,
    pageCount: e.pageCount,
    fileSizeKb: e.fileSizeKb,
    readingFeatures: e.readingFeatures,
  };
}

export function toBookDetailDoc(
  book: BookDetail,
  ratings: RatingDistribution,
): z.infer<typeof BookDetailDoc> {
  return {
    ...toBookSummaryDoc(book),
    description: book.description,
    series: book.series,
    editions: book.editions.map(edition),
    articles: book.articles.map((a) => ({ ...a, url: absoluteUrl(`/articles/${a.slug}`) })),
    ratings,
    publishedAt: book.publishedAt,
  };
}

export function toCategoryDoc(c: {
  slug: string;
  name: string;
  parentSlug: string | null;
  bookCount: number;
}): z.infer<typeof CategoryDoc> {
  return {
    slug: c.slug,
    name: c.name,
    parentSlug: c.parentSlug,
    bookCount: c.bookCount,
    url: absoluteUrl(`/categories/${c.slug}`),
  };
}

export function toSeriesDoc(s: SeriesView): z.infer<typeof SeriesDoc> {
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    url: absoluteUrl(`/series/${s.slug}`),
    books: s.books.map((b) => ({ ...toBookSummaryDoc(b), seriesPosition: b.seriesPosition })),
  };
}

export function toContributorDoc(c: ContributorView): z.infer<typeof ContributorDoc> {
  return {
    slug: c.slug,
    name: c.name,
    bio: c.bio,
    url: absoluteUrl(`/contributors/${c.slug}`),
    books: c.books.map(({ book, roles }) => ({ book: toBookSummaryDoc(book), roles })),
  };
}

export function toRatingDoc(r: RatingView): z.infer<typeof RatingDoc> {
  return r;
}

// Write API documents. Requests are the listing schema's input (lib/catalog/listings/schema.ts),
// registered in their own registry because the OpenAPI document shows their input side.
export const apiInputRegistry = z.registry<{ id: string; description?: string }>();
apiInputRegistry.add(listingSchema, {
  id: "ListingInput",
  description:
    "A listing as the admin form and the write API send it. Unknown fields are refused (422). PATCH takes any subset of the fields.",
});
apiInputRegistry.add(listingSchema.in.shape.editions.unwrap().element, {
  id: "EditionInput",
  description: "One edition. PATCH of an edition takes any subset of the fields.",
});

export const ListingDoc = component(
  "Listing",
  "A book as the write API stores it, in any status. Its `version` is the one If-Match names.",
  z.object({
    id: z.number().int(),
    slug: z.string(),
    status: z.enum(BOOK_STATUSES),
    version: z.number().int(),
    title: z.string(),
    url: z.url().describe("The storefront page (404 unless published)."),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    editions: z.array(
      z.object({
        id: z.number().int(),
        format: z.enum(EDITION_FORMAT_VALUES),
        isbn13: z.string().nullable(),
        price: Money,
        availability: z.enum(AVAILABILITY_VALUES),
      }),
    ),
  }),
);

export function toListingDoc(listing: ListingForEdit): z.infer<typeof ListingDoc> {
  const { data } = listing;
  return {
    id: listing.id,
    slug: data.slug,
    status: data.status,
    version: listing.version,
    title: data.title,
    url: absoluteUrl(`/books/${data.slug}`),
    updatedAt: listing.updatedAt,
    publishedAt: listing.publishedAt,
    editions: data.editions.map((e) => ({
      id: e.id ?? 0,
      format: e.format,
      isbn13: e.isbn13,
      price: {
        amount: toDecimalString(e.priceMinor, e.currency),
        amountMinor: e.priceMinor,
        currency: e.currency,
      },
      availability: e.availability,
    })),
  };
}
