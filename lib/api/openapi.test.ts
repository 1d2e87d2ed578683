import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://books.quire-store.test") as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    servers: { url: string }[];
  };

  it("is OpenAPI 3.1 with every read endpoint and its schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]?.url).toBe("https://books.quire-store.test/api/v1");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/books",
        "/books/{slug}",
        "/books/{slug}/editions",
        "/books/{slug}/editions/{id}",
        "/books/{slug}/ratings",
        "/categories",
        "/contributors/{slug}",
        "/search",
        "/series/{slug}",
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas.BookDetail?.properties ?? {})).toEqual(
      expect.arrayContaining(["editions", "contributors", "categories", "series", "ratings"]),
    );
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it("documents search: q required, the search sorts, page-number paging, the SearchResults document", () => {
    const search = (
      doc.paths["/search"] as {
        get: {
          operationId: string;
          parameters: { name: string; required?: boolean; schema: Record<string, unknown> }[];
          responses: Record<string, unknown>;
        };
      }
    ).get;
    expect(search.operationId).toBe("searchBooks");
    const params = Object.fromEntries(search.parameters.map((p) => [p.name, p]));
    expect(params.q).toMatchObject({ required: true, schema: { minLength: 1, maxLength: 200 } });
    expect(params.sort?.schema).toMatchObject({ default: "relevance" });
    expect(params.sort?.schema.enum).toEqual([
      "relevance",
      "newest",
      "price-asc",
      "price-desc",
      "rating",
      "title",
    ]);
    expect(params.page?.schema).toMatchObject({ minimum: 1, default: 1 });
    expect(params.page_size?.schema).toMatchObject({ minimum: 1, maximum: 100, default: 24 });
    expect(params).not.toHaveProperty("cursor");
    expect(Object.keys(search.responses)).toEqual(
      expect.arrayContaining(["200", "304", "400", "414", "429", "500"]),
    );
    expect(JSON.stringify(search.responses["200"])).toContain("#/components/schemas/SearchResults");
    expect(Object.keys(doc.components.schemas.SearchResults?.properties ?? {})).toEqual([
      "q",
      "suggestion",
      "data",
      "page",
      "total",
      "totalIsCapped",
    ]);
    expect(doc.components.schemas).toHaveProperty("SearchPage");
    expect(doc.components.schemas).toHaveProperty("PageInfo");
  });

  it("documents the writes: bearer security, closed request bodies from the listing schema", () => {
    const all = doc as unknown as {
      paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown; responses: object }>>;
      components: {
        securitySchemes: Record<string, unknown>;
        schemas: Record<string, Record<string, unknown>>;
      };
    };
    expect(all.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const create = all.paths["/books"]?.post;
    expect(create?.security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(create?.requestBody)).toContain("#/components/schemas/ListingInput");
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "413", "415", "422", "429"]),
    );
    expect(Object.keys(all.paths["/books/{slug}"]?.patch?.responses ?? {})).toEqual(
      expect.arrayContaining(["412", "428"]),
    );
    expect(all.components.schemas.ListingInput).toMatchObject({ additionalProperties: false });
    expect(Object.keys(all.components.schemas.ListingInput?.properties ?? {})).toEqual(
      expect.arrayContaining(["title", "editions", "contributors", "status"]),
    );
  });

  it("passes the Redocly linter's recommended rules with no errors or warnings", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: "openapi.json",
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    ).toEqual([]);
  });
});
