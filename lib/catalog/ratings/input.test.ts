import { describe, expect, it } from "vitest";
import { parseRatingInput, ratingValuesFromForm } from "./input";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("parseRatingInput", () => {
  it("accepts 1 to 5 whole stars with empty optional fields as null", () => {
    for (const stars of [1, 2, 3, 4, 5]) {
      expect(parseRatingInput({ stars })).toEqual({
        ok: true,
        data: { stars, title: null, body: null, displayName: null },
      });
    }
    expect(parseRatingInput({ stars: 4, title: "  ", body: "", displayName: null })).toEqual({
      ok: true,
      data: { stars: 4, title: null, body: null, displayName: null },
    });
  });

  it("trims the texts and keeps them as text", () => {
    const result = parseRatingInput({
      stars: 5,
      title: " <b>Great</b> ",
      body: "Line 1\n\nLine 2",
      displayName: " Ana ",
    });
    expect(result).toEqual({
      ok: true,
      data: { stars: 5, title: "<b>Great</b>", body: "Line 1\n\nLine 2", displayName: "Ana" },
    });
  });

  it.each([0, 6, 2.5, "abc", "4", -1, null, undefined, true])("refuses stars = %j", (stars) => {
    const result = parseRatingInput({ stars, title: "ok" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields).toEqual({ stars: ["Choose from 1 to 5 stars."] });
  });

  it("refuses texts over their limits, and says which", () => {
    const result = parseRatingInput({
      stars: 3,
      title: "t".repeat(121),
      body: "b".repeat(4001),
      displayName: "n".repeat(61),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fields.title).toEqual(["The title must be at most 120 characters."]);
      expect(result.fields.body).toEqual(["The review must be at most 4000 characters."]);
      expect(result.fields.displayName).toEqual(["Your name must be at most 60 characters."]);
    }
    expect(
      parseRatingInput({
        stars: 3,
        title: "t".repeat(120),
        body: "b".repeat(4000),
        displayName: "n".repeat(60),
      }).ok,
    ).toBe(true);
  });

  it("refuses unknown fields and non-text texts", () => {
    const result = parseRatingInput({ stars: 3, shopperKey: "x", body: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fields.body).toEqual(["The review must be text."]);
      expect(Object.keys(result.fields)).toContain("shopperKey");
    }
    expect(parseRatingInput("5").ok).toBe(false);
  });
});

describe("ratingValuesFromForm", () => {
  it("turns the radio value into a number and leaves anything else to the schema", () => {
    expect(ratingValuesFromForm(form({ stars: "4", title: "T", body: "", displayName: "" }))).toEqual({
      stars: 4,
      title: "T",
      body: "",
      displayName: "",
    });
    for (const stars of ["", "abc", "2.5", "0", "6"]) {
      expect(parseRatingInput(ratingValuesFromForm(form({ stars }))).ok).toBe(false);
    }
    expect(parseRatingInput(ratingValuesFromForm(form({}))).ok).toBe(false);
    expect(parseRatingInput(ratingValuesFromForm(form({ stars: "2", body: "x".repeat(5000) }))).ok).toBe(
      false,
    );
  });
});
