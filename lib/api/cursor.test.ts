import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";

const schema = z.object({ sort: z.string(), keys: z.array(z.string()) });

describe("cursors", () => {
  it("round-trip", () => {
    const cursor = { sort: "title", keys: ["animales wordbooks", "3"] };
    expect(decodeCursor(encodeCursor(cursor), schema)).toEqual(cursor);
  });

  it("reject anything that is not one of ours", () => {
    expect(decodeCursor("not base64!", schema)).toBeNull();
    expect(decodeCursor(Buffer.from("{oops").toString("base64url"), schema)).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: 1 }), schema)).toBeNull();
    expect(decodeCursor("A".repeat(5000), schema)).toBeNull();
  });
});
