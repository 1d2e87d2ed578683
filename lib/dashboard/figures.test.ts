import { describe, expect, it } from "vitest";
import { periods } from "./figures";

const NOW = new Date("2026-12-02T15:00:00Z"); // a Wednesday

describe("periods", () => {
  it("starts today at 00:00 UTC and the week on Monday, also on a Sunday night and a Monday morning", () => {
    expect(periods(NOW)).toMatchObject({
      today: { firstDay: "2026-12-02", lastDay: "2026-12-02" },
      week: { firstDay: "2026-11-30", lastDay: "2026-12-02" },
    });
    expect(periods(new Date("2026-12-06T23:59:59Z")).week).toMatchObject({
      from: new Date("2026-11-30T00:00:00Z"),
      lastDay: "2026-12-06",
    });
    expect(periods(new Date("2026-12-07T00:00:01Z")).week.from).toEqual(new Date("2026-12-07T00:00:00Z"));
  });
});
