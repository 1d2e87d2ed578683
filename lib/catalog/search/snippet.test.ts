import { describe, expect, it } from "vitest";
import {
  parseSnippet,
  snippetFromHeadline,
  SNIPPET_FRAGMENT,
  SNIPPET_START as S,
  SNIPPET_STOP as E,
} from "./snippet";

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

describe("snippetFromHeadline", () => {
  const F = SNIPPET_FRAGMENT;
  const teaser =
    "Si eres un amante de los animales como yo, entonces seguramente entenderás la fascinación que sentimos hacia estas increíbles criaturas. Ya sea que se trate de majestuosos...";

  it("keeps the first words when the fragment starts a few words in, and the source's own end", () => {
    const headline = `eres un ${S}amante${E} de los animales como yo, entonces seguramente entenderás la fascinación que sentimos hacia estas increíbles criaturas. Ya sea que se trate de majestuosos`;
    expect(snippetFromHeadline(headline, teaser)).toBe(
      `Si eres un ${S}amante${E} de los animales como yo, entonces seguramente entenderás la fascinación que sentimos hacia estas increíbles criaturas. Ya sea que se trate de majestuosos...`,
    );
  });

  it("widens fragments cut inside a word, joins fragments that meet and marks every cut", () => {
    const source =
      "This book examines relations between China and the Soviet Union during the 1950s, and provides an insight into Chinese thinking about the Korean War.\n\nThis volume is based on a translation of Shen Zihua's best-selling Chinese-language book, which broke the mainland Chinese taboo on publishing non-heroic accounts of the Korean War. The author combined information detailed in Soviet-era diplomatic documents (released after the collapse of the Soviet Union) with Chinese memoirs.";
    const headline = `Soviet Union during the 1950s, and provides an insight into Chinese thinking about the ${S}Korean${E} ${S}War${E}.\n\nThis volume is based on a translation of Shen Zihua's best-selling Chinese${F}book, which broke the mainland Chinese taboo on publishing non-heroic accounts of the ${S}Korean${E} ${S}War${E}. The author combined information detailed in Soviet-era diplomatic documents (released after the collapse`;
    expect(snippetFromHeadline(headline, source)).toBe(
      `…Soviet Union during the 1950s, and provides an insight into Chinese thinking about the ${S}Korean${E} ${S}War${E}. This volume is based on a translation of Shen Zihua's best-selling Chinese-language book, which broke the mainland Chinese taboo on publishing non-heroic accounts of the ${S}Korean${E} ${S}War${E}. The author combined information detailed in Soviet-era diplomatic documents (released after the collapse…`,
    );
  });

  it("keeps far-apart fragments apart with a cut between them; a cut drops a dangling comma", () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const source = `${words.slice(0, 20).join(" ")} alpha, ${words.slice(20).join(" ")} omega, and then a tail that goes on`;
    const headline = `w18 w19 ${S}alpha${E},${F}w38 w39 ${S}omega${E}`;
    expect(snippetFromHeadline(headline, source)).toBe(`…w18 w19 ${S}alpha${E} … w38 w39 ${S}omega${E}…`);
  });

  it("uses a fragment it cannot find as it is", () => {
    expect(snippetFromHeadline(`a ${S}b${E}`, "something else")).toBe(`a ${S}b${E}`);
    expect(snippetFromHeadline("", "text")).toBe("");
  });
});
