import { describe, expect, it } from "vitest";
import { isValidSlug, SLUG_MAX_LENGTH, slugify } from "./slug";

describe("slugs", () => {
  it("makes readable ASCII slugs from titles", () => {
    expect(slugify("Mao, Stalin and the Korean War")).toBe("mao-stalin-and-the-korean-war");
    expect(slugify("Let's Learn Russian")).toBe("lets-learn-russian");
    expect(slugify("What Did He Say?")).toBe("what-did-he-say");
    expect(slugify("Educación & Comida")).toBe("educacion-and-comida");
    expect(slugify("  --Hello__World--  ")).toBe("hello-world");
    // A slash separates words, as in bilingual titles.
    expect(slugify("School / la Escuela (Wordbooks/Libros de Palabras)")).toBe(
      "school-la-escuela-wordbooks-libros-de-palabras",
    );
  });

  it("caps the length without a trailing hyphen", () => {
    const slug = slugify("word ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
    expect(isValidSlug(slug)).toBe(true);
  });

  it("validates the slug rules", () => {
    expect(isValidSlug("animales-wordbooks")).toBe(true);
    expect(isValidSlug("15-exciting-fun-facts")).toBe(true);
    expect(isValidSlug("")).toBe(false);
    expect(isValidSlug("Upper-Case")).toBe(false);
    expect(isValidSlug("double--hyphen")).toBe(false);
    expect(isValidSlug("-leading")).toBe(false);
    expect(isValidSlug("trailing-")).toBe(false);
    expect(isValidSlug("accént")).toBe(false);
    expect(isValidSlug("a".repeat(SLUG_MAX_LENGTH + 1))).toBe(false);
  });
});
