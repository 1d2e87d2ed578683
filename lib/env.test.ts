import { describe, expect, it } from "vitest";
import { DEMO_SESSION_SECRET, DEMO_WEBHOOK_SECRET, EnvError, parseEnv } from "./env";

const liveBase = {
  STORE_MODE: "live",
  DATABASE_URL: "postgresql://store@db.internal:5432/bookstore",
  SITE_URL: "https://books.example.com/",
  STRIPE_SECRET_KEY: "sk_test_123",
  STRIPE_WEBHOOK_SECRET: "whsec_real_0123456789",
  SESSION_SECRET: "f".repeat(64),
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("parseEnv", () => {
  it("runs a demo store with no configuration at all", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      STORE_MODE: "demo",
      databaseKind: "pglite",
      paymentProvider: "stub",
      SITE_URL: "http://localhost:3000",
      STRIPE_WEBHOOK_SECRET: DEMO_WEBHOOK_SECRET,
      SESSION_SECRET: DEMO_SESSION_SECRET,
    });
  });

  it("accepts a complete live configuration and trims the site URL", () => {
    const env = parseEnv(liveBase);
    expect(env).toMatchObject({ STORE_MODE: "live", databaseKind: "postgres", paymentProvider: "stripe" });
    expect(env.SITE_URL).toBe("https://books.example.com");
  });

  it("refuses live mode with any demo default, naming each variable", () => {
    const problems = problemsOf({ STORE_MODE: "live" });
    for (const name of [
      "DATABASE_URL",
      "SITE_URL",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "SESSION_SECRET",
    ]) {
      expect(
        problems.some((p) => p.startsWith(`${name}:`)),
        name,
      ).toBe(true);
    }
  });

  it("refuses live mode on the embedded database or with the public demo secrets", () => {
    expect(problemsOf({ ...liveBase, DATABASE_URL: "pglite:./.data/pglite" })[0]).toMatch(
      /^DATABASE_URL: live mode needs PostgreSQL/,
    );
    expect(problemsOf({ ...liveBase, STRIPE_WEBHOOK_SECRET: DEMO_WEBHOOK_SECRET })[0]).toMatch(
      /^STRIPE_WEBHOOK_SECRET: the demo secret/,
    );
    expect(problemsOf({ ...liveBase, SESSION_SECRET: DEMO_SESSION_SECRET })[0]).toMatch(
      /^SESSION_SECRET: the demo secret/,
    );
  });

  it("explains malformed values", () => {
    expect(problemsOf({ STORE_MODE: "production" })[0]).toMatch(/STORE_MODE must be "demo" or "live"/);
    expect(problemsOf({ SITE_URL: "books.example.com" })[0]).toMatch(
      /^SITE_URL: SITE_URL must be an absolute/,
    );
    expect(problemsOf({ DATABASE_URL: "mysql://x" })[0]).toMatch(/^DATABASE_URL: .*not supported/);
    expect(problemsOf({ SESSION_SECRET: "short" })[0]).toMatch(/^SESSION_SECRET: .*at least 32/);
  });
});
