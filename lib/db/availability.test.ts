import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  answerOutagesWith503,
  databaseUnreachable,
  isDatabaseUnreachableError,
  noteDatabaseOutcome,
  OUTAGE_PAGE,
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
  const sent: { status?: number; headers: Record<string, string>; body: string } = { headers: {}, body: "" };
  const res = Object.assign(new EventEmitter(), {
    setHeader: (name: string, value: string) => void (sent.headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete sent.headers[name.toLowerCase()],
    writeHead: (status: number) => void (sent.status = status),
    write: (chunk: string) => void (sent.body += chunk),
    end: (chunk?: string) => void (sent.body += chunk ?? ""),
  });
  Object.defineProperty(res, "headersSent", { get: () => sent.status !== undefined });
  return { res: res as unknown as ServerResponse, sent };
}

const request = (url: string, accept = "text/html") =>
  ({ method: "GET", url, headers: { accept } }) as unknown as IncomingMessage;

describe("answerOutagesWith503", () => {
  it("answers a 5xx as 503 with Retry-After only while the database is unreachable", () => {
    noteDatabaseOutcome(refused);
    expect(databaseUnreachable()).toBe(true);
    const api = fakeResponse();
    answerOutagesWith503(request("/api/v1/books", "application/json"), api.res);
    api.res.writeHead(500, "Internal Server Error");
    api.res.end('{"type":"/problems/internal"}');
    expect(api.sent).toMatchObject({ status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
    expect(api.sent.body).toContain("/problems/internal");
    const fine = fakeResponse();
    answerOutagesWith503(request("/books"), fine.res);
    fine.res.writeHead(404);
    expect(fine.sent.status).toBe(404);

    noteDatabaseOutcome(new Error("a wrong query"));
    expect(databaseUnreachable()).toBe(true);
    noteDatabaseOutcome(null);
    expect(databaseUnreachable()).toBe(false);
    const later = fakeResponse();
    answerOutagesWith503(request("/search?q=x"), later.res);
    later.res.writeHead(500);
    expect(later.sent.status).toBe(500);
  });

  it("gives a page its own readable body instead of Next's (blank without JavaScript), compressed or not", () => {
    noteDatabaseOutcome(refused);
    const page = fakeResponse();
    answerOutagesWith503(request("/search?q=war"), page.res);
    page.res.setHeader("Content-Encoding", "gzip");
    page.res.writeHead(500);
    page.res.write("\u001f\u008bgarbage");
    page.res.end();
    expect(page.sent.status).toBe(503);
    expect(page.sent.headers).not.toHaveProperty("content-encoding");
    expect(page.sent.headers["content-type"]).toContain("text/html");
    expect(page.sent.body).toBe(OUTAGE_PAGE);
    expect(page.sent.body).toContain("could not be shown just now");
    noteDatabaseOutcome(null);
  });

  it("replaces the body on a real response whose headers go out implicitly (statusCode, then write or end)", async () => {
    const server = createServer((req, res) => {
      answerOutagesWith503(req, res);
      res.statusCode = 500;
      res.setHeader("Content-Length", "19");
      if (req.url === "/written") res.write("<p>Next's error ");
      res.end(req.url === "/written" ? "page" : "<p>Next's error</p>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      noteDatabaseOutcome(refused);
      for (const path of ["/ended", "/written"]) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { accept: "text/html" } });
        expect(response.status, path).toBe(503);
        expect(response.headers.get("retry-after"), path).toBe(String(RETRY_AFTER_SECONDS));
        expect(await response.text(), path).toBe(OUTAGE_PAGE);
      }
      noteDatabaseOutcome(null);
      const healthy = await fetch(`http://127.0.0.1:${port}/ended`, { headers: { accept: "text/html" } });
      expect(healthy.status).toBe(500);
      expect(await healthy.text()).toBe("<p>Next's error</p>");
    } finally {
      noteDatabaseOutcome(null);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
