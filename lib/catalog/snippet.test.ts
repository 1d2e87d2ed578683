import { describe, expect, it } from "vitest";
import { parseSnippet, SNIPPET_START as S, SNIPPET_STOP as E } from "./snippet";

describe("parseSnippet", () => {
  it("splits marked and plain parts", () => {
    expect(parseSnippet(`about the ${S}Korean${E} ${S}War${E}.`)).toEqual([
      { text: "about the ", mark: false },
      { text: "Korean", mark: true },
      { text: " ", mark: false },
      { text: "War", mark: true },
      { text: ".", mark: false },
    ]);
  });

  it("keeps markup in database text as text", () => {
    expect(parseSnippet(`<img src=x onerror=alert(1)> ${S}<b>${E}`)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", mark: false },
      { text: "<b>", mark: true },
    ]);
  });

  it("survives unbalanced and stray sentinels", () => {
    expect(parseSnippet(`${E}plain ${S}open`)).toEqual([
      { text: "plain ", mark: false },
      { text: "open", mark: true },
    ]);
    expect(parseSnippet(`${S}${E}`)).toEqual([]);
    expect(parseSnippet("")).toEqual([]);
  });
});
