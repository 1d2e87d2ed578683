// The store as an operator runs it (issue 28): traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is
// set and nothing of the SDK without it, and a graceful shutdown that loses no checkout. Each test
// starts `npm start`'s script (scripts/ops/start.mjs) on a PGlite database of its own, from a copy
// of the e2e build, with the project's Stripe mock (holding a session create: a checkout in
// flight) and a small OTLP/HTTP JSON receiver in this process. Run by the `pglite` project only.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startStripeMock } from "../scripts/test/stripe-mock.mjs";
import { FEATURED } from "./support/catalog";

const ROOT = path.resolve(import.meta.dirname, "..");
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const PORT = BASE + 60;
const RECEIVER_PORT = BASE + 61;
const MOCK_PORT = BASE + 62;
const STORE = `http://127.0.0.1:${PORT}`;
const DIST = `.next-e2e-runtime-${PORT}`;
const DATA = path.join(ROOT, ".data", `e2e-runtime-${PORT}`);
const MODULES_FILE = path.join(DATA, "..", `e2e-runtime-${PORT}-modules.txt`);
const WEBHOOK_SECRET = "whsec_e2e_runtime";

test.describe.configure({ mode: "serial" });
// A plain form POST: the checkout's answer is the redirect itself.
test.use({ javaScriptEnabled: false });

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** Every span posted to /v1/traces (OTLP/HTTP JSON). */
const received: Span[] = [];
let posts = 0;
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    posts += 1;
    if (req.url === "/v1/traces" && body) {
      const parsed = JSON.parse(body) as {
        resourceSpans: { scopeSpans: { spans: Span[] }[] }[];
      };
      for (const resource of parsed.resourceSpans)
        for (const scope of resource.scopeSpans) received.push(...scope.spans);
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
});

const attribute = (span: Span, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? value?.intValue;
};

let mock: Awaited<ReturnType<typeof startStripeMock>>;

test.beforeAll(async ({}, info) => {
  test.skip(info.project.name !== "pglite", "one store of its own, on PGlite");
  rmSync(DATA, { recursive: true, force: true });
  rmSync(MODULES_FILE, { force: true });
  rmSync(path.join(ROOT, DIST), { recursive: true, force: true });
  cpSync(path.join(ROOT, process.env.E2E_BUILD_DIR || ".next-e2e-build"), path.join(ROOT, DIST), {
    recursive: true,
  });
  await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, "127.0.0.1", resolve));
  mock = await startStripeMock({ port: MOCK_PORT, webhookSecret: WEBHOOK_SECRET });
});

test.afterAll(async () => {
  await mock?.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(path.join(ROOT, DIST), { recursive: true, force: true });
});

interface Store {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** `npm start`'s script on this spec's database; resolves once /api/ready says 200. */
async function startStore(env: Record<string, string>): Promise<Store> {
  const child = spawn(
    process.execPath,
    ["--import", "./e2e/support/record-modules.mjs", "scripts/ops/start.mjs"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        STORE_MODE: "demo",
        DATABASE_URL: `pglite:${DATA}`,
        NEXT_DIST_DIR: DIST,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        SITE_URL: STORE,
        STRIPE_SECRET_KEY: "sk_test_mock",
        STRIPE_API_BASE: mock.url,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        RECORD_MODULES_FILE: MODULES_FILE,
        OTEL_EXPORTER_OTLP_ENDPOINT: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, at: Date.now() })),
  );
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the store exited while starting:\n${output}`);
    const ready = await fetch(`${STORE}/api/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return { child, output: () => output, exited };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the store did not become ready:\n${output}`);
}

/** Whether a new TCP connection to the store is refused. */
function connectionRefused(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("with an OTLP endpoint a request is one trace with its id and a database span; SIGTERM during a checkout loses nothing", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const store = await startStore({
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${RECEIVER_PORT}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "100",
    SHUTDOWN_TIMEOUT_MS: "15000",
  });
  try {
    // Traces: the request's server span carries its id, a database span sits in the same trace,
    // and the request's log line names the trace.
    const requestId = `trace-test-${Date.now()}`;
    const search = await fetch(`${STORE}/search?q=korean`, { headers: { "x-request-id": requestId } });
    expect(search.status).toBe(200);
    await expect
      .poll(() => received.some((span) => attribute(span, "request.id") === requestId), { timeout: 15_000 })
      .toBe(true);
    const server = received.find((span) => attribute(span, "request.id") === requestId)!;
    expect(server.kind).toBe(2); // SERVER
    expect(attribute(server, "http.request.method")).toBe("GET");
    await expect
      .poll(
        () =>
          received.filter(
            (span) => span.traceId === server.traceId && attribute(span, "db.system.name") === "postgresql",
          ).length,
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    const line = logLines(store.output()).find(
      (entry) => entry.msg === "request" && entry.requestId === requestId,
    );
    expect(line?.traceId).toBe(server.traceId);
    expect(readFileSync(MODULES_FILE, "utf8")).toContain("@opentelemetry/sdk-trace-node");

    // A checkout in flight: Stripe holds the session create while the instance is told to stop.
    const idle = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      http
        .get(`${STORE}/api/health`, { agent: idle }, (response) => response.resume().on("end", resolve))
        .on("error", reject),
    );
    const idleSocketClosed = new Promise<void>((resolve) => {
      const sockets = Object.values(idle.freeSockets).flat();
      expect(sockets).toHaveLength(1);
      sockets[0]!.once("close", () => resolve());
    });
    await page.goto(`${STORE}/books/${FEATURED.slug}`);
    await page.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(page).toHaveURL(/\/cart\?notice=added/);
    const held = mock.holdNextSession();
    const checkout = page.getByRole("button", { name: "Checkout" }).click();
    await held.arrived;
    const signalled = Date.now();
    store.child.kill("SIGTERM");
    // New connections are refused at once; the idle keep-alive one is closed, not waited for.
    await expect.poll(connectionRefused, { timeout: 2_000 }).toBe(true);
    await idleSocketClosed;
    // Longer than the old handler's 5 s hard exit, well within SHUTDOWN_TIMEOUT_MS.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    held.release();
    await checkout;
    // The checkout answers as it always does: on to the (mock) hosted checkout page.
    await expect(page).toHaveURL(new RegExp(`^${mock.url}/c/pay/cs_test_\\w+$`));
    const { code, at } = await store.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(15_000);
    const complete = logLines(store.output()).find((entry) => entry.msg === "shutdown complete");
    expect(complete).toMatchObject({ cutRequests: 0, failedTasks: [] });
    // The spans of the last moments (the checkout's, the shutdown's flushes) were sent before exit.
    expect(received.some((span) => span.name === "payment create_checkout_session")).toBe(true);
  } finally {
    if (store.child.exitCode === null) store.child.kill("SIGKILL");
  }
});

test("after the restart the order is there and can be paid; without the endpoint nothing of the SDK loads or is sent", async () => {
  test.setTimeout(240_000);
  rmSync(MODULES_FILE, { force: true });
  const postsBefore = posts;
  const store = await startStore({
    // This receiver still listens: the store must simply not send to it.
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    SHUTDOWN_DRAIN_MS: "1500",
  });
  try {
    // The order started before the SIGTERM survived it: Stripe's webhook finds it and pays it.
    const [session] = [...mock.sessions.values()] as { session: { id: string; success_url: string } }[];
    expect(session).toBeDefined();
    const completed = await fetch(`${mock.url}/__sessions/${session!.session.id}/complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "reader@example.com" }),
    });
    const { payload, signature } = (await completed.json()) as { payload: string; signature: string };
    const delivered = await fetch(`${STORE}/api/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    });
    expect(await delivered.json()).toMatchObject({ received: true, outcome: "paid" });
    const orderPage = await fetch(session!.session.success_url);
    expect(await orderPage.text()).toContain("Paid");

    await fetch(`${STORE}/search?q=war`);
    // Stopping with a drain period: readiness says 503 at once while the listener stays open.
    store.child.kill("SIGTERM");
    await expect.poll(() => store.output().includes('"msg":"shutdown"')).toBe(true);
    const ready = await fetch(`${STORE}/api/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("connection")).toBe("close");
    await expect.poll(connectionRefused, { timeout: 5_000 }).toBe(true);
    expect((await store.exited).code).toBe(0);
    expect(posts).toBe(postsBefore);
    expect(existsSync(MODULES_FILE) ? readFileSync(MODULES_FILE, "utf8") : "").toBe("");
    expect(logLines(store.output()).some((entry) => "traceId" in entry)).toBe(false);
  } finally {
    if (store.child.exitCode === null) store.child.kill("SIGKILL");
  }
});
