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
        "/books/{slug}/ratings",
        "/categories",
        "/contributors/{slug}",
        "/series/{slug}",
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas.BookDetail?.properties ?? {})).toEqual(
      expect.arrayContaining(["editions", "contributors", "categories", "series", "ratings"]),
    );
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
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
