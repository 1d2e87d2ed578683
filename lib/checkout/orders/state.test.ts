import { describe, expect, it } from "vitest";
import { transition, type OrderEventKind, type OrderStatus } from "./state";

const cases: [OrderStatus, OrderEventKind, OrderStatus, string][] = [
  ["pending", "paid", "paid", "paid"],
  ["paid", "paid", "paid", "ignored: already paid"],
  ["refunded", "paid", "refunded", "ignored: already paid"],
  ["expired", "paid", "expired", "ignored: not pending"],
  ["pending", "expired", "expired", "expired"],
  ["paid", "expired", "paid", "ignored: not pending"],
  ["expired", "expired", "expired", "ignored: not pending"],
  ["paid", "refunded", "refunded", "refunded"],
  ["pending", "refunded", "pending", "ignored: not paid"],
  ["refunded", "refunded", "refunded", "ignored: already refunded"],
];

describe("order state machine", () => {
  it.each(cases)("%s + %s -> %s (%s)", (from, kind, next, outcome) => {
    expect(transition(from, kind)).toEqual({ next, outcome });
  });
});
