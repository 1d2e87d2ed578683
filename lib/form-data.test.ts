import { describe, expect, it } from "vitest";
import { repeatedField, textField } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("repeatedField", () => {
  it("names a field sent twice, whatever its values", () => {
    expect(
      repeatedField(
        form([
          ["editionId", "1"],
          ["quantity", "1"],
        ]),
      ),
    ).toBeNull();
    expect(
      repeatedField(
        form([
          ["editionId", "1"],
          ["editionId", "2"],
        ]),
      ),
    ).toBe("editionId");
    expect(
      repeatedField(
        form([
          ["email", "a"],
          ["email", "a"],
        ]),
      ),
    ).toBe("email");
  });

  it("allows the checkbox groups an action names, and React's own fields", () => {
    const data = form([
      ["scopes", "catalog:read"],
      ["scopes", "catalog:write"],
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", "{}"],
      ["$ACTION_1:1", "[]"],
    ]);
    expect(repeatedField(data, ["scopes"])).toBeNull();
    expect(repeatedField(data)).toBe("scopes");
  });
});

describe("textField", () => {
  it("reads text, and nothing from a missing field or a file", () => {
    const data = form([["name", "Ada"]]);
    data.append("file", new Blob(["x"]), "x.csv");
    expect(textField(data, "name")).toBe("Ada");
    expect(textField(data, "missing")).toBe("");
    expect(textField(data, "file")).toBe("");
  });
});
