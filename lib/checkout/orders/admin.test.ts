import { describe, expect, it } from "vitest";
import { parseAdminOrderQuery } from "./admin";
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from "./state";

describe("parseAdminOrderQuery", () => {
  it("reads every filter", () => {
    expect(
      parseAdminOrderQuery({
        status: "refunded",
        from: "2026-11-01",
        to: "2026-11-27",
        q: " QB-1 ",
        page: "3",
      }),
    ).toEqual({
      query: { view: "orders", status: "refunded", from: "2026-11-01", to: "2026-11-27", q: "QB-1", page: 3 },
      errors: {},
    });
  });

  it("drops bad values and says why, keeping the good ones", () => {
    const { query, errors } = parseAdminOrderQuery({
      status: "shipped",
      from: "2026-02-30",
      to: "27/11/2026",
      q: "x".repeat(201),
      page: "-1",
      other: "ignored",
    });
    expect(query).toEqual({ view: "orders", page: 1 });
    expect(errors).toMatchObject({
      status: "Status must be one of pending, paid, expired, refunded.",
      from: "From must be a date like 2026-11-27.",
      to: "To must be a date like 2026-11-27.",
      q: "Search at most 200 characters.",
    });
    expect(Object.keys(errors)).toHaveLength(5);
  });

  it("refuses a range that ends before it starts", () => {
    const { query, errors } = parseAdminOrderQuery({ from: "2026-11-27", to: "2026-11-01" });
    expect(query).toEqual({ view: "orders", from: "2026-11-27", page: 1 });
    expect(errors.to).toBe("To must be on or after From.");
  });

  it("ignores repeated and empty parameters", () => {
    expect(parseAdminOrderQuery({ status: ["paid", "pending"], q: "" })).toEqual({
      query: { view: "orders", page: 1 },
      errors: {},
    });
  });

  it("keeps abandoned checkouts apart from real orders", () => {
    expect(parseAdminOrderQuery({}).query.view).toBe("orders");
    expect(parseAdminOrderQuery({ view: "abandoned" }).query).toEqual({ view: "abandoned", page: 1 });
    // A status names its own list.
    expect(parseAdminOrderQuery({ status: "expired" }).query).toEqual({
      view: "abandoned",
      status: "expired",
      page: 1,
    });
    const mixed = parseAdminOrderQuery({ view: "orders", status: "pending" });
    expect(mixed.query).toEqual({ view: "orders", page: 1 });
    expect(mixed.errors.status).toBe("That status is not in this list.");
  });

  it("knows every order status the labels know", () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.keys(ORDER_STATUS_LABELS).sort());
  });
});
