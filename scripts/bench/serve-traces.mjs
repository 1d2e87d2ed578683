// bench:serve's trace rows (docs/operations.md#traces): what traces cost the product page. The store
// bench:serve measured (its database, its build) is restarted three ways, one after the other, and
// measured at 1 and BENCH_CONNECTIONS connections:
// - traces off (OTEL_EXPORTER_OTLP_ENDPOINT unset), measured first and again last;
// - traces on, exporting OTLP/HTTP protobuf to a local receiver on port + 5 that reads and drops
//   every post (a stand-in for a collector next to the store);
// - main: the server.mjs of BENCH_BASE_REF (default main; `git show`) over the same build, i.e. the
//   request path before this change (left out when that ref does not exist, as in a fresh clone).
// Each row is a ratio to the mean of the two "off" rows, within this one run.
import { execFileSync, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const PRODUCT = "/books/mao-stalin-and-the-korean-war";

/** @param {string} url */
async function waitFor(url) {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

/** The server.mjs of `ref`, written beside server.mjs (its imports are relative), or null. */
function baseServer(ref) {
  try {
    const source = execFileSync("git", ["show", `${ref}:server.mjs`], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const file = path.join(root, `server.bench-${ref.replace(/\W/g, "_")}.mjs`);
    writeFileSync(file, source);
    return file;
  } catch {
    return null;
  }
}

/**
 * @param {{ port: number, database: string, connections: number[],
 *   measure: (url: string, connections: number) => Promise<{ rps: number, p50: number, p99: number, errors: number, timeouts: number, non2xx: number }>,
 *   warm: (url: string, connections: number) => Promise<void> }} options
 */
export async function benchTraces({ port, database, connections, measure, warm }) {
  const collectorPort = port + 5;
  let posts = 0;
  const collector = http
    .createServer((req, res) => {
      req.resume().on("end", () => {
        posts += 1;
        res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
      });
    })
    .listen(collectorPort, "127.0.0.1");
  const databaseUrl =
    database === "pglite"
      ? `pglite:${path.join(root, ".data", `e2e-pglite-${port}`)}`
      : (() => {
          const url = new URL(
            process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:54329/postgres",
          );
          url.pathname = `/bookstore_e2e_${port}`;
          return url.toString();
        })();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    STORE_MODE: "demo",
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: `.next-e2e-${database}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: `http://127.0.0.1:${port}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: "",
  };
  const ref = process.env.BENCH_BASE_REF ?? "main";
  const mainServer = baseServer(ref);
  const variants = [
    { name: "traces off", server: "server.mjs", env: {} },
    {
      name: "traces on (local receiver)",
      server: "server.mjs",
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}` },
    },
    ...(mainServer ? [{ name: `${ref}'s server.mjs`, server: mainServer, env: {} }] : []),
    { name: "traces off (again)", server: "server.mjs", env: {} },
  ];
  const rows = [];
  try {
    for (const variant of variants) {
      const child = spawn(process.execPath, [variant.server], {
        cwd: root,
        env: { ...env, ...variant.env },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        await waitFor(`http://127.0.0.1:${port}/api/ready`);
        const url = `http://127.0.0.1:${port}${PRODUCT}`;
        for (let i = 0; i < 30; i++) await (await fetch(url)).arrayBuffer();
        for (const c of connections) {
          await warm(url, c);
          rows.push({ variant: variant.name, connections: c, ...(await measure(url, c)) });
        }
      } finally {
        // PGlite is one process: the next variant opens the database once this one has closed it.
        child.kill("SIGTERM");
        await exited;
      }
    }
  } finally {
    collector.close();
    if (mainServer) rmSync(mainServer, { force: true });
  }

  const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
  console.log(`\nTraces (the product page, the store restarted per row; ${posts} OTLP posts received):`);
  for (const c of connections) {
    const mine = rows.filter((row) => row.connections === c);
    const off = mine.filter((row) => row.variant.startsWith("traces off"));
    const offRps = off.reduce((sum, row) => sum + row.rps, 0) / off.length;
    console.log(
      `  ${c} connection${c === 1 ? "" : "s"}:                   req/s   p50 ms   p99 ms  errors  ×off`,
    );
    for (const row of mine) {
      const errors = row.errors + row.timeouts + row.non2xx;
      console.log(
        `  ${row.variant.padEnd(34)} ${fmt(row.rps, 0).padStart(7)} ${fmt(row.p50, 2).padStart(8)} ` +
          `${fmt(row.p99, 2).padStart(8)} ${String(errors).padStart(7)}  ${fmt(row.rps / offRps, 3)}`,
      );
    }
  }
}
