// bench:serve's trace rows (docs/operations.md#traces): what traces cost the product page. Once
// bench:serve's own store has stopped, three copies of it (its build, and for PGlite a copy of its
// database each) run side by side and are measured in turn, BENCH_TRACE_ROUNDS (3) rounds of each
// at 1 and BENCH_CONNECTIONS connections, so that a busy moment of the shared machine falls on all
// of them alike; each row is the median of its rounds, and its ratio to "traces off":
// - traces off (OTEL_EXPORTER_OTLP_ENDPOINT unset), on BENCH_PORT;
// - traces on, exporting OTLP/HTTP protobuf to a local receiver on port + 5 that reads and drops
//   every post (a stand-in for a collector next to the store), on port + 2;
// - main: the server.mjs of BENCH_BASE_REF (default main; `git show`) over the same build, i.e. the
//   request path before traces and the graceful shutdown, on port + 3 (left out when that ref does
//   not exist, as in a fresh clone).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

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
 *   warm: (url: string, connections: number) => Promise<void>, distDir?: string }} options
 */
export async function benchTraces({ port, database, connections, measure, warm, distDir }) {
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
    NEXT_DIST_DIR: distDir ?? `.next-e2e-${database}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: `http://127.0.0.1:${port}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: "",
  };
  const ref = process.env.BENCH_BASE_REF ?? "main";
  const mainServer = baseServer(ref);
  const rounds = Number(process.env.BENCH_TRACE_ROUNDS ?? 3);
  const variants = [
    { name: "traces off", server: "server.mjs", port, env: {} },
    {
      name: "traces on (local receiver)",
      server: "server.mjs",
      port: port + 2,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}` },
    },
    ...(mainServer ? [{ name: `${ref}'s server.mjs`, server: mainServer, port: port + 3, env: {} }] : []),
  ];
  /** @type {string[]} */
  const scratch = [];
  /** @type {import("node:child_process").ChildProcess[]} */
  const running = [];
  /** @type {{ variant: string, connections: number, rps: number, p50: number, p99: number, errors: number }[]} */
  const rows = [];
  try {
    for (const variant of variants) {
      // Each its own build folder (ISR writes there) and, on PGlite (one process), its own database.
      const ownDist = `.next-bench-traces-${variant.port}`;
      rmSync(path.join(root, ownDist), { recursive: true, force: true });
      cpSync(path.join(root, env.NEXT_DIST_DIR), path.join(root, ownDist), { recursive: true });
      scratch.push(path.join(root, ownDist));
      let url = databaseUrl;
      if (database === "pglite") {
        const dir = path.join(root, ".data", `bench-traces-${variant.port}`);
        rmSync(dir, { recursive: true, force: true });
        cpSync(databaseUrl.slice("pglite:".length), dir, { recursive: true });
        scratch.push(dir);
        url = `pglite:${dir}`;
      }
      const child = spawn(process.execPath, [variant.server], {
        cwd: root,
        env: {
          ...env,
          ...variant.env,
          DATABASE_URL: url,
          NEXT_DIST_DIR: ownDist,
          PORT: String(variant.port),
          SITE_URL: `http://127.0.0.1:${variant.port}`,
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      running.push(child);
    }
    for (const variant of variants) {
      await waitFor(`http://127.0.0.1:${variant.port}/api/ready`);
      const url = `http://127.0.0.1:${variant.port}${PRODUCT}`;
      for (let i = 0; i < 30; i++) await (await fetch(url)).arrayBuffer();
    }
    for (let round = 0; round < rounds; round++) {
      for (const c of connections) {
        for (const variant of variants) {
          const url = `http://127.0.0.1:${variant.port}${PRODUCT}`;
          await warm(url, c);
          const result = await measure(url, c);
          rows.push({
            variant: variant.name,
            connections: c,
            rps: result.rps,
            p50: result.p50,
            p99: result.p99,
            errors: result.errors + result.timeouts + result.non2xx,
          });
        }
      }
    }
  } finally {
    await Promise.all(
      running.map((child) => {
        if (child.exitCode !== null) return null;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        return exited;
      }),
    );
    collector.close();
    if (mainServer) rmSync(mainServer, { force: true });
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  }

  /** @param {number[]} values */
  const median = (values) => {
    const sorted = [...values].sort((x, y) => x - y);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };
  const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
  console.log(
    `\nTraces: the product page, three stores side by side, median of ${rounds} interleaved rounds ` +
      `(${posts} OTLP posts received):`,
  );
  for (const c of connections) {
    const summary = variants.map((variant) => {
      const mine = rows.filter((row) => row.variant === variant.name && row.connections === c);
      return {
        name: variant.name,
        rps: median(mine.map((row) => row.rps)),
        p50: median(mine.map((row) => row.p50)),
        p99: median(mine.map((row) => row.p99)),
        errors: mine.reduce((sum, row) => sum + row.errors, 0),
        spread: mine.map((row) => fmt(row.rps, 0)).join("/"),
      };
    });
    const off = summary[0].rps;
    console.log(
      `  ${c} connection${c === 1 ? "" : "s"}:`.padEnd(37) + "req/s   p50 ms   p99 ms  errors  ×off   rounds",
    );
    for (const row of summary) {
      console.log(
        `  ${row.name.padEnd(34)} ${fmt(row.rps, 0).padStart(6)} ${fmt(row.p50, 2).padStart(8)} ` +
          `${fmt(row.p99, 2).padStart(8)} ${String(row.errors).padStart(7)}  ${fmt(row.rps / off, 3)}  ${row.spread}`,
      );
    }
  }
}

// Alone, after a bench:serve run on the same BENCH_PORT (its PGlite database stays in
// .data/e2e-pglite-<port>), over the e2e build: node scripts/bench/serve-traces.mjs (needs wrk).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  /** @param {string} text */
  const toMs = (text) => {
    const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
    return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2]] : NaN;
  };
  await benchTraces({
    port: Number(process.env.BENCH_PORT ?? 3430),
    database: "pglite",
    connections: [1, Number(process.env.BENCH_CONNECTIONS ?? 50)],
    distDir: process.env.E2E_BUILD_DIR ?? ".next-e2e-build",
    warm: async (url, c) => {
      spawnSync("wrk", ["-t1", `-c${c}`, "-d2s", url], { stdio: "ignore" });
    },
    measure: async (url, c) => {
      const out = spawnSync("wrk", ["-t1", `-c${c}`, `-d${seconds}s`, "--latency", "--timeout", "2s", url], {
        encoding: "utf8",
      }).stdout;
      const pick = (/** @type {RegExp} */ re) => re.exec(out)?.[1] ?? "";
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      return {
        rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
        p50: toMs(pick(/\s50%\s+(\S+)/)),
        p99: toMs(pick(/\s99%\s+(\S+)/)),
        timeouts: socket ? Number(socket[4]) : 0,
        errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
        non2xx: Number(pick(/Non-2xx or 3xx responses: (\d+)/) || 0),
      };
    },
  });
}
