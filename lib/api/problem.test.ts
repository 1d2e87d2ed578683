import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import { errorToProblem, problem, problemTypeOf, PROBLEM_TYPES } from "./problem";

describe("problem responses", () => {
  it("are RFC 9457 documents with a stable type", async () => {
    const response = problem("validation", {
      detail: "bad",
      errors: [{ name: "sort", reason: "nope" }],
      requestId: "req-12345678",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toEqual({
      type: "/problems/validation",
      title: "Your request has invalid parameters.",
      status: 400,
      detail: "bad",
      instance: "urn:request:req-12345678",
      errors: [{ name: "sort", reason: "nope" }],
    });
  });

  it("answer every application error code with the status ERROR_STATUS gives it", () => {
    for (const code of Object.keys(ERROR_STATUS) as AppErrorCode[]) {
      expect([code, PROBLEM_TYPES[problemTypeOf(code)].status]).toEqual([code, ERROR_STATUS[code]]);
    }
  });

  it("map each catalog error code to its status", async () => {
    const cases: [AppError, number][] = [
      [new AppError("not_found", "x"), 404],
      [new AppError("unique_violation", "x"), 409],
      [new AppError("stale_version", "x"), 409],
      [new AppError("validation", "x", { fields: { isbn13: ["Not a valid ISBN."] } }), 422],
    ];
    for (const [error, status] of cases) expect(errorToProblem(error, null).status).toBe(status);
    expect(await errorToProblem(cases[3]![0], null).json()).toMatchObject({
      errors: [{ name: "isbn13", reason: "Not a valid ISBN." }],
    });
  });

  it("expose nothing internal for unknown errors", async () => {
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const response = errorToProblem(
      new Error('relation "staff_secrets" does not exist at 10.0.0.5:5432 password=hunter2'),
      "req-abcdefgh",
    );
    // An unreachable database is a 503 to retry, with nothing internal either.
    const outage = errorToProblem(new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2"), null);
    spy.mockRestore();
    expect(outage.status).toBe(503);
    expect(outage.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await outage.text()).not.toMatch(/ECONNREFUSED|hunter2/);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("staff_secrets");
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text)).toMatchObject({
      type: "/problems/internal",
      instance: "urn:request:req-abcdefgh",
    });
  });
});
