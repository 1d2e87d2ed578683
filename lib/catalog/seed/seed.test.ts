import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSeedCatalog, SEED_CATEGORIES } from "./seed";
import { slugify } from "../shared/slug";

const raw = JSON.parse(readFileSync(path.resolve("prisma/seed/catalog.json"), "utf8")) as Record<
  string,
  unknown
>;

describe("seed catalog", () => {
  const catalog = parseSeedCatalog(raw);

  it("reads the featured book as credited on the listing", () => {
    const f = catalog.featured;
    expect(f.title).toBe("Mao, Stalin and the Korean War");
    expect(f.subtitle).toBe("Trilateral Communist Relations in the 1950s");
    expect(f.format).toEqual({ format: "ebook", label: "Kindle Edition" });
    expect(f.contributors.map((c) => [c.name, c.role])).toEqual([
      ["Sandeep Balakrishna", "author"],
      ["Shen Zihua", "original_author"],
    ]);
    expect(f.ebook).toMatchObject({ fileSizeKB: 1706, printLengthPages: 265, screenReader: "Supported" });
    expect(f.rating?.shown).toBe("5 out of 5");
  });

  it("has the eight related titles, three of them Spanish-English wordbooks", () => {
    expect(catalog.related).toHaveLength(8);
    const spanish = catalog.related.filter((r) => r.languages.includes("es")).map((r) => r.slug);
    expect(spanish).toEqual([
      "animales-wordbooks",
      "school-la-escuela-wordbooks-libros-de-palabras",
      "a-delicious-journey-through-food-la-comida-wordbooks-libros-de-palabras",
    ]);
    expect(catalog.related.every((r) => r.teaser.endsWith("..."))).toBe(true);
  });

  it("spells the bilingual titles with the slashes the scraped page dropped, slugs made from them", () => {
    const titles = catalog.related.map((r) => r.title);
    expect(titles).toContain("School / la Escuela (Wordbooks / Libros de Palabras)");
    expect(titles).toContain("A Delicious Journey through Food / la Comida (Wordbooks / Libros de Palabras)");
    expect(JSON.stringify(catalog)).not.toMatch(/Schoolla|Foodla|Wordbookslibros/);
    for (const r of catalog.related) expect(r.slug).toBe(slugify(r.title));
    expect(catalog.related.flatMap((r) => r.formerSlugs ?? [])).toEqual([
      "schoolla-escuela-wordbookslibros-de-palabras",
      "a-delicious-journey-through-foodla-comida-wordbookslibros-de-palabras",
    ]);
  });

  it("names every category it uses", () => {
    const used = [catalog.featured, ...catalog.related].flatMap((b) => b.categories);
    for (const slug of used) expect(SEED_CATEGORIES[slug]?.name, slug).toBeTruthy();
  });

  it("rejects a malformed seed with the path of the problem", () => {
    const broken = structuredClone(raw) as { featured: { format: string; isbn13: string } };
    broken.featured.format = "Scroll";
    expect(() => parseSeedCatalog(broken)).toThrow(/unknown format "Scroll"/);
    const badIsbn = structuredClone(raw) as { featured: { isbn13: string } };
    badIsbn.featured.isbn13 = "978-0-306-40615-8";
    expect(() => parseSeedCatalog(badIsbn)).toThrow(/invalid ISBN/);
    const badRole = structuredClone(raw) as { featured: { contributors: { onixRole: string }[] } };
    badRole.featured.contributors[1]!.onixRole = "A01";
    expect(() => parseSeedCatalog(badRole)).toThrow(
      /onixRole "A01" does not match role "original_author" \(A38\)/,
    );
  });
});
