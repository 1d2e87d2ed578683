import { describe, expect, it } from "vitest";
import { unknownFields } from "./api-input";
import { listingSchema } from "./schema";

describe("unknownFields", () => {
  it("names every key the listing schema does not know, at any depth, as dotted paths", () => {
    const body = {
      title: "A book",
      colour: "red",
      languages: ["en"],
      contributors: [{ name: "A. Author", role: "author", nickname: "Al" }],
      editions: [
        { format: "ebook", price: "9.99" },
        { format: "paperback", weight: 300 },
      ],
    };
    expect(unknownFields(listingSchema, body)).toEqual([
      "colour",
      "contributors.0.nickname",
      "editions.1.weight",
    ]);
  });

  it("knows every key of a stored listing's input form, and flags NUL characters in text", () => {
    const body = {
      title: "A book",
      subtitle: "Part\u0000two",
      slug: null,
      status: "draft",
      categorySlugs: ["history"],
      languages: "en",
      editions: [{ id: 3, format: "hardcover", isbn: null, price: "10.00", currency: "EUR" }],
    };
    expect(unknownFields(listingSchema, body)).toEqual(["subtitle"]);
  });
});
