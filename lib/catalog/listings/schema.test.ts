import { describe, expect, it } from "vitest";
import {
  categoryChoice,
  fieldErrorsForForm,
  formValuesFrom,
  formValuesFromData,
  listingInputFromValues,
} from "./form";
import { toDecimalString } from "../shared/money";
import { fieldErrorsFrom } from "@/lib/errors";
import { listingSchema, MAX_PRICE_MINOR } from "./schema";

const edition = { format: "paperback", price: "39.99", currency: "USD" };
const base = { title: "Mao, Stalin and the Korean War", languages: "en", editions: [edition] };

function parse(input: Record<string, unknown>) {
  const result = listingSchema.safeParse({ ...base, ...input });
  return result.success
    ? { ok: true as const, data: result.data }
    : { ok: false as const, fields: fieldErrorsFrom(result.error) };
}

describe("listingSchema", () => {
  it("accepts an ISBN-13 with or without hyphens and stores 13 digits", () => {
    for (const isbn of ["978-0-306-40615-7", "9780306406157", " 978 0 306 40615 7 "]) {
      const result = parse({ editions: [{ ...edition, isbn }] });
      expect(result.ok && result.data.editions[0]?.isbn13).toBe("9780306406157");
    }
  });

  it("refuses a bad check digit with a message on that edition's ISBN field", () => {
    const result = parse({ editions: [edition, { ...edition, isbn: "978-0-306-40615-8" }] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fields["editions.1.isbn"]).toEqual(["Not a valid ISBN-13."]);
  });

  it("refuses the same ISBN twice in one listing", () => {
    const result = parse({
      editions: [
        { ...edition, isbn: "9780306406157" },
        { ...edition, isbn: "978-0-306-40615-7" },
      ],
    });
    expect(!result.ok && result.fields["editions.1.isbn"]?.[0]).toMatch(/already used/);
  });

  it("parses prices typed as dollars into minor units, and refuses what is not a price", () => {
    const cases: [string | number, number][] = [
      ["39.99", 3999],
      ["$1,299.5", 129950],
      ["12", 1200],
      [39.99, 3999],
    ];
    for (const [price, minor] of cases) {
      const result = parse({ editions: [{ ...edition, price }] });
      expect(result.ok && result.data.editions[0]?.priceMinor).toBe(minor);
    }
    for (const price of ["", "abc", "1.999", "-3"]) {
      const result = parse({ editions: [{ ...edition, price }] });
      expect(!result.ok && result.fields["editions.0.price"]).toEqual(["Enter a price like 39.99."]);
    }
  });

  it("accepts a price up to MAX_PRICE_MINOR and refuses one minor unit more", () => {
    const ceiling = toDecimalString(MAX_PRICE_MINOR, "USD");
    const atCeiling = parse({ editions: [{ ...edition, price: ceiling }] });
    expect(atCeiling.ok && atCeiling.data.editions[0]?.priceMinor).toBe(MAX_PRICE_MINOR);
    for (const price of [toDecimalString(MAX_PRICE_MINOR + 1, "USD"), "99999999999"]) {
      const result = parse({ editions: [{ ...edition, price }] });
      expect(!result.ok && result.fields["editions.0.price"]).toEqual(["Enter a price like 39.99."]);
    }
  });

  it("refuses a currency that is not three letters", () => {
    const result = parse({ editions: [{ ...edition, currency: "US" }] });
    expect(!result.ok && result.fields["editions.0.currency"]?.[0]).toMatch(/three-letter/);
  });

  it("generates the slug from the title when blank and validates a typed one", () => {
    const generated = parse({ slug: "" });
    expect(generated.ok && generated.data.slug).toBe("mao-stalin-and-the-korean-war");
    const typed = parse({ slug: "my-book-2" });
    expect(typed.ok && typed.data.slug).toBe("my-book-2");
    for (const slug of ["My Book", "a--b", "-a", "ñandú"]) {
      const bad = parse({ slug });
      expect(!bad.ok && bad.fields.slug?.[0]).toMatch(/lowercase letters/);
    }
  });

  it("reads languages as comma-separated bare codes", () => {
    const ok = parse({ languages: " es, EN ,es" });
    expect(ok.ok && ok.data.languages).toEqual(["es", "en"]);
    const bad = parse({ languages: "es, english, en-US" });
    expect(!bad.ok && bad.fields.languages?.[0]).toMatch(/not: english, en-us/);
  });

  it("orders contributor rows by their position, drops blank rows and checks roles", () => {
    const result = parse({
      contributors: [
        { name: "Shen Zihua", role: "original_author", position: "2" },
        { name: "", role: "author", position: "" },
        { name: "Sandeep Balakrishna", role: "author", position: "1" },
      ],
    });
    expect(result.ok && result.data.contributors.map((c) => c.name)).toEqual([
      "Sandeep Balakrishna",
      "Shen Zihua",
    ]);
    const bad = parse({ contributors: [{ name: "X", role: "ghostwriter" }] });
    expect(!bad.ok && bad.fields["contributors.0.role"]).toBeTruthy();
    const twice = parse({
      contributors: [
        { name: "X", role: "author" },
        { name: "x", role: "author" },
      ],
    });
    expect(!twice.ok && twice.fields["contributors.1.name"]?.[0]).toMatch(/already credited/);
  });

  it("needs a title, and an edition before publishing", () => {
    const result = parse({ title: "  ", editions: [] });
    expect(!result.ok && result.fields.title).toEqual(["Enter a title."]);
    const publish = parse({ status: "published", editions: [] });
    expect(!publish.ok && publish.fields.status?.[0]).toMatch(/edition/);
  });

  it("stores line breaks as LF whether they came as CRLF (a browser's form) or CR", () => {
    const result = parse({
      description: "First paragraph.\r\n\r\nSecond paragraph.\rThird line.\n\nFourth.",
      teaser: "One\r\ntwo",
    });
    expect(result.ok && result.data.description).toBe(
      "First paragraph.\n\nSecond paragraph.\nThird line.\n\nFourth.",
    );
    expect(result.ok && result.data.teaser).toBe("One\ntwo");
  });
});

describe("the form adapter", () => {
  function form(entries: [string, string][]): FormData {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  }

  it("reads indexed rows, drops removed and blank rows, and maps errors back to the rows shown", () => {
    const values = formValuesFrom(
      form([
        ["title", "A Book"],
        ["languages", "en"],
        ["categorySlugs", "history"],
        ["categorySlugs", "asia"],
        ["contributors.0.name", "Gone"],
        ["contributors.0.remove", "1"],
        ["contributors.1.name", "Kept"],
        ["contributors.1.role", "translator"],
        ["editions.0.format", "paperback"],
        ["editions.1.format", "ebook"],
        ["editions.1.price", "9.99"],
        ["editions.1.isbn", "123"],
      ]),
    );
    expect(values.categorySlugs).toEqual(["history", "asia"]);
    expect(values.contributors).toEqual([{ name: "Kept", role: "translator", note: "", position: "" }]);
    expect(values.editions).toHaveLength(2);
    const result = listingSchema.safeParse(listingInputFromValues(values));
    expect(result.success).toBe(false);
    const fields = fieldErrorsForForm(fieldErrorsFrom(result.error!), values);
    expect(fields["editions.1.isbn"]).toEqual(["Not a valid ISBN-13."]);
  });

  it("keeps the stored category order when the ticked boxes come in the list's order", () => {
    // Stored: cold-war (main), history, asia. The list shows them alphabetically.
    const ticked = (...slugs: string[]) => slugs.map((s): [string, string] => ["categorySlugs", s]);
    const stored: [string, string] = ["categoryOrder", "cold-war,history,asia"];
    expect(
      categoryChoice(form([...ticked("asia", "cold-war", "history"), stored, ["mainCategory", "cold-war"]])),
    ).toEqual({ slugs: ["cold-war", "history", "asia"], mainUnticked: false });
    // A new main one moves first; a newly ticked one comes last; an unticked one is gone.
    expect(
      categoryChoice(form([...ticked("asia", "food", "history"), stored, ["mainCategory", "history"]])),
    ).toEqual({ slugs: ["history", "asia", "food"], mainUnticked: false });
    // No main chosen: the first ticked in the stored order is.
    expect(categoryChoice(form([...ticked("asia", "history"), stored])).slugs).toEqual(["history", "asia"]);
    // The server's stored order wins over a post that dropped or garbled the form's order.
    const storedNow = ["cold-war", "history", "asia"];
    for (const posted of [[], [["categoryOrder", "y".repeat(1000)]], [["categoryOrder", "asia,history"]]] as [
      string,
      string,
    ][][]) {
      expect(
        categoryChoice(form([...ticked("asia", "cold-war", "history"), ...posted]), storedNow).slugs,
      ).toEqual(storedNow);
    }
    // A main category that is not ticked is a contradiction the form reports.
    expect(categoryChoice(form([...ticked("asia"), stored, ["mainCategory", "history"]]))).toEqual({
      slugs: ["asia"],
      mainUnticked: true,
    });
  });

  it("ignores the ebook-only fields of a print or audio edition", () => {
    const values = formValuesFrom(
      form([
        ["title", "A Book"],
        ["languages", "en"],
        ["editions.0.format", "paperback"],
        ["editions.0.price", "9.99"],
        ["editions.0.fileSizeKb", "1706"],
        ["editions.0.screenReader", "yes"],
        ["editions.1.format", "ebook"],
        ["editions.1.price", "4.99"],
        ["editions.1.fileSizeKb", "1706"],
        ["editions.1.screenReader", "yes"],
      ]),
    );
    const [paperback, ebook] = listingSchema.parse(listingInputFromValues(values)).editions;
    expect(paperback).toMatchObject({ fileSizeKb: null, screenReader: null, textToSpeech: null });
    expect(ebook).toMatchObject({ fileSizeKb: 1706, screenReader: true });
  });

  it("a description posted from the editor's textarea (CRLF) is stored as it was shown (LF)", () => {
    const stored = listingSchema.parse({ ...base, description: "One.\n\nTwo." });
    const shown = formValuesFromData(stored);
    // What a browser sends back for the untouched textarea.
    const posted = form([
      ["title", shown.title],
      ["languages", shown.languages],
      ["description", shown.description.replace(/\n/g, "\r\n")],
      ["editions.0.format", "paperback"],
      ["editions.0.price", "39.99"],
    ]);
    expect(listingSchema.parse(listingInputFromValues(formValuesFrom(posted))).description).toBe(
      stored.description,
    );
  });

  it("shows stored data as typed values (prices in dollars) that parse back to the same data", () => {
    const parsed = listingSchema.parse({
      ...base,
      contributors: [{ name: "A", role: "author" }],
      editions: [{ ...edition, format: "ebook", isbn: "9780306406157", textToSpeech: true }],
    });
    const values = formValuesFromData(parsed);
    expect(values.editions[0]?.price).toBe("39.99");
    expect(values.editions[0]?.textToSpeech).toBe("yes");
    expect(listingSchema.parse(listingInputFromValues(values))).toEqual(parsed);
  });
});
