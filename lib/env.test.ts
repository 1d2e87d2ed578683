import { describe, expect, it } from "vitest";
import { DEMO_SESSION_SECRET, DEMO_WEBHOOK_SECRET, EnvError, parseEnv } from "./env";

const liveBase = {
  STORE_MODE: "live",
  DATABASE_URL: "postgresql://store@db.internal:5432/bookstore",
  SITE_URL: "https://books.example.com/",
  STRIPE_SECRET_KEY: "sk_test_123",
  STRIPE_WEBHOOK_SECRET: "whsec_real_0123456789",
  SESSION_SECRET: "9f2c41d07be35a86e1c4f0d29b7a3e5c81d6f4a02b9e7c35d18a6f0e4b2c97d3",
  SMTP_URL: "smtp://mail.internal:587",
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

  it("refuses a live session secret that is guessable: repeated, short on randomness or built on the demo one", () => {
    const refused = (SESSION_SECRET: string) =>
      problemsOf({ ...liveBase, SESSION_SECRET }).filter((p) => p.startsWith("SESSION_SECRET:"));
    expect(refused("x".repeat(32))).toEqual([expect.stringMatching(/too predictable/)]);
    expect(refused("ab".repeat(40))).toEqual([expect.stringMatching(/too predictable/)]);
    expect(refused(`${DEMO_SESSION_SECRET}1`)).toEqual([expect.stringMatching(/the demo secret/)]);
    expect(refused(`prefix-${DEMO_SESSION_SECRET.toUpperCase()}`)).toEqual([
      expect.stringMatching(/the demo secret/),
    ]);
    // 16 random bytes in hex are only 128 bits.
    expect(refused("3f9a0c6e1b7d42a58e0f6c3d9b1a7e24")).toEqual([expect.stringMatching(/too predictable/)]);
    // 32 random bytes, as `openssl rand -hex 32` and `openssl rand -base64 32` print them.
    expect(refused("0c8e5b2f7a1d9c46e3b08f5a2d7c1e94b6a30f8d5c2e7b194a6d0c3f8e5b2a71")).toEqual([]);
    expect(refused("q3Jx8ZkP2vN0aR7mT5cW1yH9bF4gL6sD8eU2iO0pA3Q=")).toEqual([]);
    expect(
      problemsOf({ ...liveBase, STRIPE_WEBHOOK_SECRET: `${DEMO_WEBHOOK_SECRET}x` }).some((p) =>
        p.startsWith("STRIPE_WEBHOOK_SECRET: the demo secret"),
      ),
    ).toBe(true);
  });

  it("refuses a plain http SITE_URL in live mode, except on this machine", () => {
    expect(problemsOf({ ...liveBase, SITE_URL: "http://books.example.com" })).toEqual([
      expect.stringMatching(/^SITE_URL: live mode needs an https:\/\/ URL/),
    ]);
    expect(problemsOf({ ...liveBase, SITE_URL: "http://127.0.0.1:3102" })).toEqual([]);
    expect(problemsOf({ SITE_URL: "http://books.example.com" })).toEqual([]);
  });

  it("uses Stripe whenever a secret key is set, in either mode, and maps STRIPE_API_BASE only for test keys", () => {
    expect(parseEnv({ STRIPE_SECRET_KEY: "sk_test_abc" }).paymentProvider).toBe("stripe");
    expect(parseEnv({ ...liveBase, STRIPE_API_BASE: "http://127.0.0.1:12111" }).STRIPE_API_BASE).toBe(
      "http://127.0.0.1:12111",
    );
    expect(
      problemsOf({ ...liveBase, STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_API_BASE: "http://x:1" }),
    ).toEqual([expect.stringMatching(/^STRIPE_API_BASE: only for tests and mocks/)]);
  });

  it("refuses live mode without the Stripe keys, or with values that are not Stripe keys", () => {
    const { STRIPE_SECRET_KEY: _key, STRIPE_WEBHOOK_SECRET: _secret, ...withoutKeys } = liveBase;
    expect(problemsOf(withoutKeys)).toEqual([
      expect.stringMatching(/^STRIPE_SECRET_KEY: live mode needs a Stripe secret key/),
      expect.stringMatching(/^STRIPE_WEBHOOK_SECRET: live mode needs the signing secret/),
    ]);
    expect(problemsOf({ ...liveBase, STRIPE_SECRET_KEY: "pk_live_publishable" })[0]).toMatch(
      /^STRIPE_SECRET_KEY: not a Stripe secret key/,
    );
    expect(problemsOf({ ...liveBase, STRIPE_WEBHOOK_SECRET: "secret" })[0]).toMatch(
      /^STRIPE_WEBHOOK_SECRET: not a webhook signing secret/,
    );
  });

  it("sets the database up at start in demo mode only, unless told not to", () => {
    expect(parseEnv({}).DATABASE_SETUP_ON_START).toBe(true);
    expect(parseEnv({ DATABASE_SETUP_ON_START: "false" }).DATABASE_SETUP_ON_START).toBe(false);
    expect(parseEnv(liveBase).DATABASE_SETUP_ON_START).toBe(false);
    expect(problemsOf({ ...liveBase, DATABASE_SETUP_ON_START: "true" })).toEqual([
      expect.stringMatching(/^DATABASE_SETUP_ON_START: .*npm run db:migrate/),
    ]);
    expect(problemsOf({ DATABASE_SETUP_ON_START: "yes" })).toEqual([
      'DATABASE_SETUP_ON_START: DATABASE_SETUP_ON_START must be "true" or "false".',
    ]);
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
