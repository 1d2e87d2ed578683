import { describe, expect, it } from "vitest";
import { ratingAverage, summarizeRatings } from "./summary";

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

describe("ratingAverage", () => {
  it("rounds half up at two decimals like PostgreSQL's round(numeric, 2)", () => {
    // 201 / 200 = 1.005: (201 / 200) * 100 is 100.49999... in floating point, which would give 1.
    expect(ratingAverage(201, 200)).toBe(1.01);
    expect(ratingAverage(33, 8)).toBe(4.13);
    expect(ratingAverage(14, 3)).toBe(4.67);
    expect(ratingAverage(13, 3)).toBe(4.33);
    expect(ratingAverage(5, 1)).toBe(5);
    expect(ratingAverage(0, 0)).toBe(0);
  });

  it("matches the running totals a book keeps, rating after rating", () => {
    const stars = [5, 4, 4, 1, 3, 5, 2, 5, 5, 4];
    let count = 0;
    let sum = 0;
    for (const s of stars) {
      count += 1;
      sum += s;
      const groups = [1, 2, 3, 4, 5].map((n) => ({
        stars: n,
        count: stars.slice(0, count).filter((x) => x === n).length,
      }));
      expect(summarizeRatings(groups)).toMatchObject({ count, average: ratingAverage(sum, count) });
    }
    expect(ratingAverage(sum, count)).toBe(3.8);
  });
});
