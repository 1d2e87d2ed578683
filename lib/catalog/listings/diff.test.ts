import { describe, expect, it } from "vitest";
import { describeChanges, diffSnapshots, flattenSnapshot } from "./diff";

describe("diffSnapshots", () => {
  it("flattens rows to paths and keeps plain lists whole", () => {
    expect(flattenSnapshot({ a: { b: 1 }, rows: [{ x: 1 }], tags: ["a", "b"], n: null })).toEqual({
      "a.b": 1,
      "rows.0.x": 1,
      tags: ["a", "b"],
      n: null,
    });
  });

  it("lists exactly the fields that changed, with from and to", () => {
    const before = { title: "Old", languages: ["en"], editions: [{ priceMinor: 3999, isbn13: "1" }] };
    const after = { title: "New", languages: ["en"], editions: [{ priceMinor: 2999, isbn13: "1" }] };
    expect(diffSnapshots(before, after)).toEqual({
      title: { from: "Old", to: "New" },
      "editions.0.priceMinor": { from: 3999, to: 2999 },
    });
  });

  it("treats added and removed rows as fields from or to null; a first save diffs against nothing", () => {
    expect(diffSnapshots({ editions: [] }, { editions: [{ priceMinor: 1 }] })).toEqual({
      "editions.0.priceMinor": { from: null, to: 1 },
    });
    expect(diffSnapshots({ languages: ["en", "es"] }, { languages: ["es", "en"] })).toEqual({
      languages: { from: ["en", "es"], to: ["es", "en"] },
    });
    expect(diffSnapshots(null, { title: "T" })).toEqual({ title: { from: null, to: "T" } });
    expect(diffSnapshots({ title: "T" }, { title: "T" })).toEqual({});
  });
});

describe("describeChanges", () => {
  it("names fields as the form does and shows prices as money in the edition's currency", () => {
    const diff = diffSnapshots(
      {
        status: "draft",
        editions: [{ id: 7, priceMinor: 3999, currency: "USD", availability: "in_stock", wordWise: null }],
      },
      {
        status: "published",
        editions: [{ id: 7, priceMinor: 3499, currency: "USD", availability: "preorder", wordWise: true }],
      },
    );
    expect(describeChanges(diff, { currencies: { to: ["USD"] } })).toEqual([
      { path: "status", label: "Status", from: "Draft (shoppers cannot see it)", to: "Published" },
      { path: "editions.0.priceMinor", label: "Edition 1 · Price", from: "$39.99", to: "$34.99" },
      {
        path: "editions.0.availability",
        label: "Edition 1 · Availability",
        from: "In stock",
        to: "Pre-order",
      },
      { path: "editions.0.wordWise", label: "Edition 1 · Word Wise", from: "Not stated", to: "Yes" },
    ]);
  });

  it("prices each side in its own currency, names categories and roles, and leaves edition ids out", () => {
    const diff = diffSnapshots(
      { categorySlugs: ["history", "china"], contributors: [{ role: "author" }], editions: [] },
      {
        categorySlugs: ["china", "history"],
        contributors: [{ role: "translator" }],
        editions: [{ id: 9, priceMinor: 1500, currency: "JPY" }],
      },
    );
    const names = new Map([
      ["history", "History"],
      ["china", "History › China"],
    ]);
    expect(describeChanges(diff, { categoryNames: names })).toEqual([
      {
        path: "categorySlugs",
        label: "Categories",
        from: "History, History › China",
        to: "History › China, History",
      },
      { path: "contributors.0.role", label: "Contributor 1 · Role", from: "Author", to: "Translator" },
      { path: "editions.0.priceMinor", label: "Edition 1 · Price", from: "—", to: "¥1,500" },
      { path: "editions.0.currency", label: "Edition 1 · Currency", from: "—", to: "JPY" },
    ]);
  });
});
