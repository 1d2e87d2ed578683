import { describe, expect, it } from "vitest";
import { summarizeRatings } from "./rating-summary";

describe("summarizeRatings", () => {
  it("gives count, average and the 5..1 distribution", () => {
    const summary = summarizeRatings([
      { stars: 5, count: 3 },
      { stars: 4, count: 1 },
      { stars: 2, count: 1 },
    ]);
    expect(summary.count).toBe(5);
    expect(summary.average).toBe(4.2);
    expect(summary.stars).toEqual([
      { stars: 5, count: 3 },
      { stars: 4, count: 1 },
      { stars: 3, count: 0 },
      { stars: 2, count: 1 },
      { stars: 1, count: 0 },
    ]);
  });

  it("rounds the average to two decimals and is zero without ratings", () => {
    expect(
      summarizeRatings([
        { stars: 5, count: 2 },
        { stars: 4, count: 1 },
      ]).average,
    ).toBe(4.67);
    expect(summarizeRatings([])).toMatchObject({ count: 0, average: 0 });
  });
});
