// The environment, parsed once with zod. Demo mode (the default) has working defaults for every
// variable; live mode refuses to start with any of them. Errors name the variable and the fix.
import { z } from "zod";
import { parseShippingZones, type ShippingZone } from "@/lib/checkout/cart/shipping";
import { parseDatabaseUrl } from "@/lib/db/adapters";

/** Development-only secrets. Public by design: live mode refuses every one of them. */
export const DEMO_WEBHOOK_SECRET = "whsec_demo_bookstore_not_secret_0123456789";
export const DEMO_SESSION_SECRET = "demo-session-secret-not-secret-change-me-0123456789";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  STORE_MODE: z.enum(["demo", "live"], { error: 'STORE_MODE must be "demo" or "live".' }).default("demo"),
  DATABASE_URL: optionalString,
  SITE_URL: optionalString.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: "SITE_URL must be an absolute http(s) URL, e.g. https://books.example.com.",
      })
      .optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_SECRET: optionalString.pipe(
    z
      .string()
      .min(32, "SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`).")
      .optional(),
  ),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: optionalString.pipe(z.url().optional()),
  RATINGS_MODERATION: z
    .enum(["publish", "pending"], { error: 'RATINGS_MODERATION must be "publish" or "pending".' })
    .default("publish"),
  SMTP_URL: optionalString.pipe(
    z
      .url({
        protocol: /^smtps?$/,
        error: "SMTP_URL must look like smtp://user:password@smtp.example.com:587 (smtps:// for TLS on 465).",
      })
      .optional(),
  ),
  MAIL_FROM: optionalString,
  SHIPPING_ZONES: optionalString,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ error: "TRUSTED_PROXY_HOPS must be a whole number (0 without a reverse proxy)." })
    .int()
    .min(0)
    .max(10)
    .default(0),
  DATABASE_SETUP_ON_START: z
    .enum(["true", "false"], { error: 'DATABASE_SETUP_ON_START must be "true" or "false".' })
    .optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce
    .number({
      error: "API_RATE_LIMIT_PER_MINUTE must be a whole number of requests per client IP per minute.",
    })
    .int()
    .min(1)
    .max(1_000_000)
    .default(1200),
});

type RawEnv = z.infer<typeof envSchema>;

/**
 * Bits of entropy a secret shows: its length times the Shannon entropy of its own characters. A
 * repeated character shows 0; 32 random bytes show 180-250 (hex or base64), 16 in hex at most 128.
 */
export function estimatedEntropyBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...secret].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / length) * Math.log2(count / length);
  return length * perChar;
}

/** What live mode asks of SESSION_SECRET: about 32 random bytes (`openssl rand -hex 32`). */
export const MIN_SESSION_SECRET_BITS = 160;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface Env extends Omit<
  RawEnv,
  "SITE_URL" | "SESSION_SECRET" | "STRIPE_WEBHOOK_SECRET" | "SHIPPING_ZONES" | "DATABASE_SETUP_ON_START"
> {
  SITE_URL: string;
  shippingZones: ShippingZone[];
  SESSION_SECRET: string;
  STRIPE_WEBHOOK_SECRET: string;
  databaseKind: "pglite" | "postgres";
  paymentProvider: "stripe" | "stub";
  /** The server migrates, seeds and creates the demo admin before serving (demo mode's default). */
  DATABASE_SETUP_ON_START: boolean;
}

/**
 * The configuration is unusable. Not an AppError: it is found before the server answers anything
 * (checkEnvironmentOrExit stops the process with this message for the operator), so it never
 * reaches an HTTP answer, and its problems name environment variables, not a request's fields.
 */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const problems: string[] = [];
  let databaseKind: Env["databaseKind"] = "pglite";
  try {
    databaseKind = parseDatabaseUrl(raw.DATABASE_URL).kind;
  } catch (error) {
    problems.push(`DATABASE_URL: ${(error as Error).message}`);
  }

  if (raw.STRIPE_SECRET_KEY && !/^(sk|rk)_(live|test)_\S+$/.test(raw.STRIPE_SECRET_KEY))
    problems.push(
      "STRIPE_SECRET_KEY: not a Stripe secret key; copy sk_live_... (or sk_test_... for test mode) from the Stripe dashboard, Developers > API keys.",
    );
  if (raw.STRIPE_API_BASE && /^(sk|rk)_live_/.test(raw.STRIPE_SECRET_KEY ?? ""))
    problems.push(
      "STRIPE_API_BASE: only for tests and mocks; unset it when STRIPE_SECRET_KEY is a live key.",
    );

  let shippingZones: ShippingZone[] = [];
  try {
    shippingZones = parseShippingZones(raw.SHIPPING_ZONES);
  } catch (error) {
    problems.push((error as Error).message);
  }

  if (raw.STORE_MODE === "live") {
    if (!raw.SMTP_URL)
      problems.push(
        "SMTP_URL: live mode sends receipts through an SMTP server, e.g. smtp://user:password@smtp.example.com:587.",
      );
    if (databaseKind !== "postgres")
      problems.push(
        "DATABASE_URL: live mode needs PostgreSQL (postgresql://...); the embedded PGlite store is for demo and development only.",
      );
    if (!raw.SITE_URL)
      problems.push("SITE_URL: live mode needs the public URL of the store, e.g. https://books.example.com.");
    else if (
      new URL(raw.SITE_URL).protocol !== "https:" &&
      !LOOPBACK_HOSTS.has(new URL(raw.SITE_URL).hostname)
    )
      problems.push(
        "SITE_URL: live mode needs an https:// URL (session cookies are Secure and browsers are told to use HTTPS only); plain http is allowed only for localhost.",
      );
    if (!raw.STRIPE_SECRET_KEY)
      problems.push("STRIPE_SECRET_KEY: live mode needs a Stripe secret key (sk_live_... or sk_test_...).");
    if (!raw.STRIPE_WEBHOOK_SECRET)
      problems.push(
        "STRIPE_WEBHOOK_SECRET: live mode needs the signing secret of the Stripe webhook endpoint (whsec_...).",
      );
    else if (!raw.STRIPE_WEBHOOK_SECRET.startsWith("whsec_"))
      problems.push(
        "STRIPE_WEBHOOK_SECRET: not a webhook signing secret; copy the endpoint's whsec_... from the Stripe dashboard.",
      );
    else if (raw.STRIPE_WEBHOOK_SECRET.includes(DEMO_WEBHOOK_SECRET))
      problems.push(
        "STRIPE_WEBHOOK_SECRET: the demo secret is public; set the endpoint's own signing secret.",
      );
    if (!raw.SESSION_SECRET)
      problems.push(
        "SESSION_SECRET: live mode needs a random secret of 32+ characters (`openssl rand -hex 32`).",
      );
    else if (raw.SESSION_SECRET.toLowerCase().includes(DEMO_SESSION_SECRET))
      problems.push("SESSION_SECRET: the demo secret is public; generate one with `openssl rand -hex 32`.");
    else if (estimatedEntropyBits(raw.SESSION_SECRET) < MIN_SESSION_SECRET_BITS)
      problems.push(
        "SESSION_SECRET: too predictable (repeated or too few different characters); use 32 random bytes, e.g. `openssl rand -hex 32`.",
      );
    if (raw.DATABASE_SETUP_ON_START === "true")
      problems.push(
        "DATABASE_SETUP_ON_START: a live store never migrates or seeds when it starts; unset it and run `npm run db:migrate` as a release step.",
      );
  }
  if (problems.length) throw new EnvError(problems);

  return {
    ...raw,
    SITE_URL: (raw.SITE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    shippingZones,
    SESSION_SECRET: raw.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    STRIPE_WEBHOOK_SECRET: raw.STRIPE_WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET,
    databaseKind,
    paymentProvider: raw.STRIPE_SECRET_KEY ? "stripe" : "stub",
    DATABASE_SETUP_ON_START:
      (raw.DATABASE_SETUP_ON_START ?? (raw.STORE_MODE === "demo" ? "true" : "false")) === "true",
  };
}

let cached: Env | undefined;

/** The process environment, parsed on first use (instrumentation.ts calls it at start-up). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
