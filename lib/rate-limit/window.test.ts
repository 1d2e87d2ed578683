import { describe, expect, it } from "vitest";
import { resultFor, windowStart } from "./window";

const rule = { limit: 3, windowSeconds: 60 };

describe("fixed windows", () => {
  it("aligns windows to multiples of their length", () => {
    expect(windowStart(new Date("2030-01-01T00:00:59.999Z"), 60).toISOString()).toBe(
      "2030-01-01T00:00:00.000Z",
    );
    expect(windowStart(new Date("2030-01-01T00:01:00.000Z"), 60).toISOString()).toBe(
      "2030-01-01T00:01:00.000Z",
    );
  });

  it("allows up to the limit, then says how long to wait", () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const now = new Date("2030-01-01T00:00:20.5Z");
    expect(resultFor(1, start, rule, now)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(resultFor(3, start, rule, now)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(resultFor(4, start, rule, now)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
  });
});
