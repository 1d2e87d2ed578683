import { defineConfig, devices } from "@playwright/test";

// Each database gets its own production server, migrated and seeded into a throwaway database by
// the webServer command itself (Playwright starts web servers before any setup project).
const DATABASES = (process.env.E2E_DATABASES ?? "pglite,postgres").split(",").filter(Boolean) as (
  "pglite" | "postgres"
)[];
// E2E_PORT_BASE lets two checkouts run their suites side by side.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const PORTS = { pglite: PORT_BASE, postgres: PORT_BASE + 1 } as const;

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
  projects: DATABASES.map((database) => ({
    name: database,
    use: { ...chromium, baseURL: `http://127.0.0.1:${PORTS[database]}` },
  })),
  webServer: DATABASES.map((database) => ({
    command: `node scripts/e2e-server.mjs ${database} ${PORTS[database]}`,
    url: `http://127.0.0.1:${PORTS[database]}/api/health`,
    reuseExistingServer: false,
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 600_000),
    stdout: "ignore",
    stderr: "pipe",
  })),
});
