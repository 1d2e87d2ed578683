import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import {
  answerOutagesWith503,
  databaseUnreachable,
  isDatabaseUnreachableError,
  noteDatabaseOutcome,
  RETRY_AFTER_SECONDS,
} from "./availability.mjs";

/** The shapes @prisma/adapter-pg and Prisma gave when PostgreSQL was stopped under a running store. */
const refused = {
  name: "PrismaClientKnownRequestError",
  code: "P2010",
  meta: {
    driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", port: 5432 } },
  },
};
const shutDown = {
  code: "P2010",
  meta: {
    driverAdapterError: { cause: { kind: "postgres", code: "57P01", message: "terminating connection" } },
  },
};

describe("isDatabaseUnreachableError", () => {
  it("knows an unreachable database from a wrong query", () => {
    expect(isDatabaseUnreachableError(refused)).toBe(true);
    expect(isDatabaseUnreachableError(shutDown)).toBe(true);
    expect(isDatabaseUnreachableError(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnreachableError({ code: "P1001" })).toBe(true);
    expect(
      isDatabaseUnreachableError({
        meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } },
      }),
    ).toBe(false);
    expect(
      isDatabaseUnreachableError({
        meta: { driverAdapterError: { cause: { kind: "postgres", code: "42P01" } } },
      }),
    ).toBe(false);
    expect(isDatabaseUnreachableError(new Error("boom"))).toBe(false);
  });
});

function fakeResponse() {
  const sent: { status?: number; headers: Record<string, string> } = { headers: {} };
  const res = Object.assign(new EventEmitter(), {
    setHeader: (name: string, value: string) => void (sent.headers[name.toLowerCase()] = value),
    writeHead: (status: number) => void (sent.status = status),
  });
  return { res: res as unknown as ServerResponse, sent };
}

describe("answerOutagesWith503", () => {
  it("answers a 5xx as 503 with Retry-After only while the database is unreachable", () => {
    noteDatabaseOutcome(refused);
    expect(databaseUnreachable()).toBe(true);
    const outage = fakeResponse();
    answerOutagesWith503(outage.res);
    outage.res.writeHead(500, "Internal Server Error");
    expect(outage.sent).toEqual({ status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
    const fine = fakeResponse();
    answerOutagesWith503(fine.res);
    fine.res.writeHead(404);
    expect(fine.sent.status).toBe(404);

    noteDatabaseOutcome(new Error("a wrong query"));
    expect(databaseUnreachable()).toBe(true);
    noteDatabaseOutcome(null);
    expect(databaseUnreachable()).toBe(false);
    const later = fakeResponse();
    answerOutagesWith503(later.res);
    later.res.writeHead(500);
    expect(later.sent.status).toBe(500);
  });
});
