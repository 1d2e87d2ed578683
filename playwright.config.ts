import { defineConfig, devices } from "@playwright/test";

// Each database gets its own production server, migrated and seeded into a throwaway database by
// the webServer command itself (Playwright starts web servers before any setup project).
// `stripe` is one more server: live mode on PostgreSQL, paying through the project's Stripe mock;
// only e2e/stripe-checkout.spec.ts runs against it. `outage` is a store on a PostgreSQL of its own,
// which e2e/outage.spec.ts stops and starts again under it.
const SERVERS = (process.env.E2E_DATABASES ?? "pglite,postgres,stripe,outage").split(",").filter(Boolean) as (
  "pglite" | "postgres" | "stripe" | "outage"
)[];
// E2E_PORT_BASE lets two checkouts run their suites side by side. Each server's mail goes to an
// SMTP server on its port + 4 (+4, +5, +6), run by e2e/delivery.spec.ts (scripts/test/e2e-server.mjs);
// the outage store is +7 (its PostgreSQL +8).
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const PORTS = {
  pglite: PORT_BASE,
  postgres: PORT_BASE + 1,
  stripe: PORT_BASE + 2,
  outage: PORT_BASE + 7,
} as const;
const STRIPE_MOCK_PORT = PORT_BASE + 3;
const OUTAGE_PG_PORT = PORT_BASE + 8;
// The outage spec stops and starts this PostgreSQL (scripts/test/e2e-server.mjs creates it).
process.env.E2E_OUTAGE_PG_PORT = String(OUTAGE_PG_PORT);
const OUTAGE_SPEC = /outage\.spec\.ts$/;
// The spec talks to the mock's test-control endpoints (workers load this file too).
process.env.E2E_STRIPE_MOCK_URL = `http://127.0.0.1:${STRIPE_MOCK_PORT}`;
const STRIPE_SPEC = /stripe-checkout\.spec\.ts$/;
// Signs the e2e staff in once per database server and keeps their sessions (e2e/support/admin.ts).
const STAFF_SETUP = /staff\.setup\.ts$/;
const hasStaffSetup = (server: string) => server === "pglite" || server === "postgres";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    ...SERVERS.filter(hasStaffSetup).map((server) => ({
      name: `${server} staff`,
      testMatch: STAFF_SETUP,
      use: { ...chromium, baseURL: `http://127.0.0.1:${PORTS[server]}` },
    })),
    ...SERVERS.map((server) => ({
      name: server,
      ...(server === "stripe"
        ? { testMatch: STRIPE_SPEC }
        : server === "outage"
          ? { testMatch: OUTAGE_SPEC }
          : { testIgnore: [STRIPE_SPEC, OUTAGE_SPEC] }),
      dependencies: hasStaffSetup(server) ? [`${server} staff`] : [],
      use: { ...chromium, baseURL: `http://127.0.0.1:${PORTS[server]}` },
    })),
  ],
  webServer: SERVERS.map((server) => ({
    command:
      server === "stripe"
        ? `node scripts/test/e2e-server.mjs stripe ${PORTS.stripe} ${STRIPE_MOCK_PORT}`
        : server === "outage"
          ? `node scripts/test/e2e-server.mjs outage ${PORTS.outage} ${OUTAGE_PG_PORT}`
          : `node scripts/test/e2e-server.mjs ${server} ${PORTS[server]}`,
    url: `http://127.0.0.1:${PORTS[server]}/api/health`,
    reuseExistingServer: false,
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 600_000),
    stdout: "ignore",
    stderr: "pipe",
  })),
});
