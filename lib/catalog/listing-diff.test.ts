import { describe, expect, it } from "vitest";
import { diffSnapshots, flattenSnapshot } from "./listing-diff";

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
    const before = { title: "Old", languages: ["en"], editions: [{ priceCents: 3999, isbn13: "1" }] };
    const after = { title: "New", languages: ["en"], editions: [{ priceCents: 2999, isbn13: "1" }] };
    expect(diffSnapshots(before, after)).toEqual({
      title: { from: "Old", to: "New" },
      "editions.0.priceCents": { from: 3999, to: 2999 },
    });
  });

  it("treats added and removed rows as fields from or to null; a first save diffs against nothing", () => {
    expect(diffSnapshots({ editions: [] }, { editions: [{ priceCents: 1 }] })).toEqual({
      "editions.0.priceCents": { from: null, to: 1 },
    });
    expect(diffSnapshots({ languages: ["en", "es"] }, { languages: ["es", "en"] })).toEqual({
      languages: { from: ["en", "es"], to: ["es", "en"] },
    });
    expect(diffSnapshots(null, { title: "T" })).toEqual({ title: { from: null, to: "T" } });
    expect(diffSnapshots({ title: "T" }, { title: "T" })).toEqual({});
  });
});
