import { describe, expect, it } from "vitest";
import { shopPageInputSchema } from "./shop-page-schema";
import { blocksFromText, textFromBlocks } from "./shop-page-text";

describe("shop page text", () => {
  it("reads headings and paragraphs, joining a paragraph's lines", () => {
    expect(blocksFromText("Intro line one\nline two\r\n\n##  Returns \n\nWithin 30 days.\n\n\n##\n")).toEqual(
      [
        { type: "paragraph", text: "Intro line one line two" },
        { type: "heading", text: "Returns" },
        { type: "paragraph", text: "Within 30 days." },
      ],
    );
  });

  it("writes blocks back to text that reads the same", () => {
    const blocks = [
      { type: "paragraph" as const, text: "We ship worldwide." },
      { type: "heading" as const, text: "Ebooks" },
      { type: "paragraph" as const, text: "Delivered at once." },
    ];
    expect(textFromBlocks(blocks)).toBe("We ship worldwide.\n\n## Ebooks\n\nDelivered at once.");
    expect(blocksFromText(textFromBlocks(blocks))).toEqual(blocks);
  });

  it("refuses an empty title and a text without a paragraph", () => {
    const result = shopPageInputSchema.safeParse({
      title: " ",
      excerpt: "",
      body: "## Only a heading",
      updatedAt: "x",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["body", "title"]);
  });
});
