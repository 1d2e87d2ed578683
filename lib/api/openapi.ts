// The OpenAPI 3.1 document, generated from the zod schemas in lib/api/schemas.ts so the spec and
// the responses cannot drift apart. Served at /api/v1/openapi.json and rendered at /developers/api.
import { z } from "zod";
import {
  DEFAULT_PAGE_SIZE,
  FORMATS,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  READING_FEATURES,
  SORTS,
} from "@/lib/catalog/browse/service";
import {
  MAX_QUERY_LENGTH as MAX_SEARCH_LENGTH,
  SEARCH_SORTS,
  SEARCH_WINDOW,
} from "@/lib/catalog/search/service";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "./problem";
import { inputComponents, securitySchemes, withWriteOperations } from "./openapi-writes";
import { apiRegistry } from "./schemas";

type Json = Record<string, unknown>;

function components(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function json(schemaId: string, description: string) {
  return { description, content: { "application/json": { schema: ref(schemaId) } } };
}

function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: ref("Problem") } } };
}

const errorResponses = {
  "400": problemResponse("Invalid parameters: `errors` names each one."),
  "414": problemResponse("Query string too long."),
  "429": {
    ...problemResponse("Rate limit exceeded."),
    headers: {
      "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer" } },
    },
  },
  "500": problemResponse("Unexpected error; `instance` identifies the request in the logs."),
};

const cachedHeaders = {
  ETag: { description: "Strong validator; send it back as If-None-Match.", schema: { type: "string" } },
  "Cache-Control": { description: "How long the response may be reused.", schema: { type: "string" } },
  "RateLimit-Limit": { description: "Requests allowed per minute.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in this minute.", schema: { type: "integer" } },
};

function ok(schemaId: string, description: string) {
  return { ...json(schemaId, description), headers: cachedHeaders };
}

const notModified = { "304": { description: "Not modified: the If-None-Match ETag is current." } };
const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  schema: { type: "string" },
  description: "An ETag from an earlier response.",
};
const slugParam = (what: string) => ({
  name: "slug",
  in: "path",
  required: true,
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
  description: `The ${what}'s URL slug.`,
});
const cursorParam = {
  name: "cursor",
  in: "query",
  required: false,
  schema: { type: "string" },
  description: "nextCursor from the previous page.",
};
const limitParam = (def: number, max: number) => ({
  name: "limit",
  in: "query",
  required: false,
  schema: { type: "integer", minimum: 1, maximum: max, default: def },
  description: `Page size (at most ${max}).`,
});

const bookFilters = [
  {
    name: "category",
    in: "query",
    schema: { type: "string" },
    description: "A category slug; includes its subcategories.",
  },
  {
    name: "language",
    in: "query",
    schema: { type: "string", pattern: "^[a-z]{2,3}$" },
    description: "A language code, e.g. es.",
  },
  { name: "format", in: "query", schema: { type: "string", enum: FORMATS } },
  {
    name: "feature",
    in: "query",
    schema: { type: "array", items: { type: "string", enum: READING_FEATURES } },
    style: "form",
    explode: true,
    description: "Ebook reading features the edition must have (repeatable).",
  },
  {
    name: "min_price",
    in: "query",
    schema: { type: "string", pattern: "^\\d+(\\.\\d{1,2})?$" },
    description: "Lowest edition price in dollars.",
  },
  {
    name: "max_price",
    in: "query",
    schema: { type: "string", pattern: "^\\d+(\\.\\d{1,2})?$" },
    description: "Highest edition price in dollars.",
  },
  {
    name: "min_rating",
    in: "query",
    schema: { type: "integer", minimum: 1, maximum: 5 },
    description: "Minimum average shopper rating.",
  },
  { name: "sort", in: "query", schema: { type: "string", enum: SORTS, default: "newest" } },
].map((p) => ({ required: false, ...p }));

/** GET /search: the text, the /books filters with the search sorts, and page-number paging. */
const searchParams = [
  {
    name: "q",
    in: "query",
    required: true,
    schema: { type: "string", minLength: 1, maxLength: MAX_SEARCH_LENGTH },
    description: `The search text, at most ${MAX_SEARCH_LENGTH} characters: words (every one must match, English and Spanish stems, accents ignored), "a phrase", -excluded, or. Misspelled words are corrected (see suggestion).`,
  },
  ...bookFilters.map((p) =>
    p.name === "sort"
      ? {
          ...p,
          schema: { type: "string", enum: SEARCH_SORTS, default: "relevance" },
          description: "Best match first (relevance), or one of the /books sorts.",
        }
      : p,
  ),
  {
    name: "page",
    in: "query",
    required: false,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 },
    description: `Page number. Results end at the first ${SEARCH_WINDOW.toLocaleString("en-US")} matches: pages past pageCount are empty.`,
  },
  {
    name: "page_size",
    in: "query",
    required: false,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    description: `Results per page (at most ${MAX_PAGE_SIZE}).`,
  },
];

export function buildOpenApiDocument(serverUrl: string): Json {
  const problemTypes = (Object.keys(PROBLEM_TYPES) as ProblemType[])
    .map((t) => `- \`${problemTypeUri(t)}\` (${PROBLEM_TYPES[t].status}): ${PROBLEM_TYPES[t].title}`)
    .join("\n");
  return {
    openapi: "3.1.0",
    info: {
      title: "Quire Books catalog API",
      version: "1.0.0",
      summary: "Read the bookstore's catalog: books, editions, contributors, categories, series and ratings.",
      description:
        "Versioned JSON API of the bookstore. Errors are RFC 9457 problem documents with a stable `type`:\n\n" +
        problemTypes +
        "\n\nEvery GET answers with a strong `ETag`; send it as `If-None-Match` to get `304 Not Modified`. Lists use cursor pagination; search results, being ranked, use page numbers. Requests are limited per client IP per minute (429 with `Retry-After`). Breaking changes get a new version prefix (`/api/v2`); `/api/v1` keeps working for at least 12 months after it.",
      contact: { name: "Quire Books engineering", url: `${serverUrl}/developers/api` },
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: `${serverUrl}/api/v1`, description: "This store" }],
    tags: [
      { name: "Books", description: "Published books and their ratings." },
      { name: "Taxonomy", description: "Categories, series and contributors." },
    ],
    paths: withWriteOperations({
      "/books": {
        get: {
          operationId: "listBooks",
          security: [],
          tags: ["Books"],
          summary: "List published books",
          description: "The same filters and sorts as the /books page, with cursor pagination.",
          parameters: [...bookFilters, cursorParam, limitParam(24, 100), ifNoneMatch],
          responses: { "200": ok("BookList", "A page of books."), ...notModified, ...errorResponses },
        },
      },
      "/books/{slug}": {
        get: {
          operationId: "getBook",
          security: [],
          tags: ["Books"],
          summary: "Get one published book",
          parameters: [slugParam("book"), ifNoneMatch],
          responses: {
            "200": ok("BookDetail", "The book."),
            ...notModified,
            "404": problemResponse("No published book has this slug."),
            ...errorResponses,
          },
        },
      },
      "/books/{slug}/ratings": {
        post: {
          operationId: "rateBook",
          security: [{}, { shopperCookie: [] }],
          tags: ["Books"],
          summary: "Rate a book as the current shopper",
          description:
            "Stores one rating per book per shopper. The shopper is the signed httpOnly `qb_shopper` cookie the store sets on a browser's first rating (the product page's form and this endpoint share it); a request without it gets a new one in `Set-Cookie`. Same-origin only: no CORS, and a request whose `Origin` is another site is refused (403). At most 5 ratings per client IP per 10 minutes. With moderation on (`RATINGS_MODERATION=pending`) the rating is `pending` and counts once published.",
          parameters: [slugParam("book")],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref("RatingInput") } },
          },
          responses: {
            "201": json("CreatedRating", "The rating was stored."),
            "400": problemResponse("The body is not a JSON object."),
            "403": problemResponse("The request came from another site."),
            "404": problemResponse("No published book has this slug."),
            "409": problemResponse("This shopper has already rated this book."),
            "413": problemResponse("The body is larger than 16 KB."),
            "422": problemResponse(
              "Invalid fields: `errors` names each one as a dotted path (`stars`, `editions.0.isbn`).",
            ),
            "429": errorResponses["429"],
            "500": errorResponses["500"],
          },
        },
        get: {
          operationId: "listBookRatings",
          security: [],
          tags: ["Books"],
          summary: "List a book's published ratings",
          parameters: [slugParam("book"), cursorParam, limitParam(20, 100), ifNoneMatch],
          responses: {
            "200": ok("RatingList", "A page of ratings, newest first."),
            ...notModified,
            "404": problemResponse("No published book has this slug."),
            ...errorResponses,
          },
        },
      },
      "/search": {
        get: {
          operationId: "searchBooks",
          security: [],
          tags: ["Books"],
          summary: "Search published books",
          description: `Full-text search over titles, subtitles, contributors, series, categories and descriptions, with the /books filters, "did you mean" and a snippet per book whose matched words are given as offsets. A search's results are its first ${SEARCH_WINDOW.toLocaleString("en-US")} matches (totalIsCapped when more match), ranked or sorted among themselves and paged by page number`,
          parameters: [...searchParams, ifNoneMatch],
          responses: {
            "200": ok("SearchResults", "A page of results."),
            ...notModified,
            ...errorResponses,
          },
        },
      },
      "/categories": {
        get: {
          operationId: "listCategories",
          security: [],
          tags: ["Taxonomy"],
          summary: "List every category",
          parameters: [ifNoneMatch],
          responses: { "200": ok("CategoryList", "Every category."), ...notModified, ...errorResponses },
        },
      },
      "/contributors/{slug}": {
        get: {
          operationId: "getContributor",
          security: [],
          tags: ["Taxonomy"],
          summary: "Get a contributor and their books",
          parameters: [slugParam("contributor"), ifNoneMatch],
          responses: {
            "200": ok("Contributor", "The contributor."),
            ...notModified,
            "404": problemResponse("No contributor has this slug."),
            ...errorResponses,
          },
        },
      },
      "/series/{slug}": {
        get: {
          operationId: "getSeries",
          security: [],
          tags: ["Taxonomy"],
          summary: "Get a series and its books",
          parameters: [slugParam("series"), ifNoneMatch],
          responses: {
            "200": ok("Series", "The series."),
            ...notModified,
            "404": problemResponse("No series has this slug."),
            ...errorResponses,
          },
        },
      },
    }),
    components: {
      schemas: { ...components(), ...inputComponents() },
      securitySchemes: {
        ...securitySchemes,
        shopperCookie: {
          type: "apiKey",
          in: "cookie",
          name: "qb_shopper",
          description: "The shopper's signed id, set by the store on the first rating (browsers send it).",
        },
      },
    },
  };
}
