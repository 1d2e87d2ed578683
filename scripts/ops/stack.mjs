// npm run stack: the production topology on one machine, for trying and testing (docs/deploy.md).
//
//   clients ─> Varnish :PORT (deploy/varnish/store.vcl) ─┬─> instance a :PORT+1 ─┬─> PostgreSQL :PORT+4
//                                                        └─> instance b :PORT+2 ─┴─> Redis :PORT+3
//   Prometheus :PORT+7 scraping both instances' /metrics, and the Varnish and Redis exporters
//   (:PORT+8, :PORT+9) when installed (scripts/ops/stack-prometheus.mjs, docs/operations.md)
//
// PORT defaults to 8080. A throwaway PostgreSQL (scripts/test/pg-start.sh, data in .data/stack-<PORT>,
// wiped at each start) and Redis; the release step (migrations, seed catalog) runs once before the
// instances start; both instances share the Redis cache and purge Varnish by tag on every write.
// SITE_URL is honoured (default http://localhost:<PORT>). Ctrl-C or SIGTERM stops every part.
// Needs Debian's varnish, varnish-modules, redis-server and prometheus (scripts/test/system-deps.sh
// installs them, and the exporters).
//
// Also a module: startStack() is what the stack's e2e server (scripts/test/e2e-stack.mjs) runs.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";
import { buildIsCurrent } from "./build-freshness.mjs";
import { startMonitoring } from "./stack-prometheus.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const TSX = ["--conditions=react-server", "--import", "tsx"];
/** Stops what the stack started so far (a signal may come while it starts). */
let stopStarted = async () => {};

/** Whether `url` answers 2xx within 2 s (a fresh connection each time). @param {string} url */
function answers(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve((response.statusCode ?? 0) < 300));
      response.on("error", () => resolve(false));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

/** @param {string} url @param {number} timeoutMs @param {() => boolean} [gaveUp] */
async function waitFor(url, timeoutMs, gaveUp = () => false) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(url)) return;
    if (gaveUp()) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`stack: ${url} did not answer`);
}

/** @param {string[]} args @param {NodeJS.ProcessEnv} env @param {string} what */
function runNode(args, env, what) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`stack: ${what} failed (exit ${result.status ?? result.signal})`);
}

/** @param {string} name */
function requireCommand(name, hint) {
  const found = spawnSync("bash", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
  if (!found)
    throw new Error(`stack: ${name} is not installed (${hint}; scripts/test/system-deps.sh installs it).`);
}

/** The site part of the VCL: the two instances, the hosts allowed to purge, the purge secret. */
function siteVcl({ instancePorts, secret }) {
  const backends = instancePorts
    .map(
      (port, i) => `backend instance_${"ab"[i]} {
    .host = "127.0.0.1";
    .port = "${port}";
    .probe = store_ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}`,
    )
    .join("\n\n");
  return `# Written by scripts/ops/stack.mjs for this run (deploy/varnish/site.example.vcl explains it).
probe store_ready {
    .url = "/api/ready";
    .interval = 1s;
    .timeout = 4s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

${backends}

sub vcl_init {
    new store = directors.round_robin();
${instancePorts.map((_, i) => `    store.add_backend(instance_${"ab"[i]});`).join("\n")}
}

acl purgers {
    "127.0.0.1";
}

sub site_purge_authorized {
    if (req.http.Authorization != "Bearer ${secret}") {
        return (synth(401, "Unauthorized"));
    }
}
`;
}

/**
 * Starts every part and resolves once Varnish answers with both instances healthy.
 * @param {{ port?: number, siteUrl?: string, distDir?: string, env?: NodeJS.ProcessEnv,
 *   afterRelease?: (env: NodeJS.ProcessEnv) => void, quiet?: boolean }} [options]
 */
export async function startStack(options = {}) {
  const port = options.port ?? 8080;
  const ports = {
    varnish: port,
    a: port + 1,
    b: port + 2,
    redis: port + 3,
    postgres: port + 4,
    prometheus: port + 7,
    varnishExporter: port + 8,
    redisExporter: port + 9,
  };
  const dataDir = path.join(root, ".data", `stack-${port}`);
  const distDir = options.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  const siteUrl = options.siteUrl ?? `http://localhost:${port}`;
  const say = options.quiet ? () => {} : (/** @type {string} */ line) => console.log(`stack: ${line}`);
  requireCommand("varnishd", "Debian package varnish");
  requireCommand("redis-server", "Debian package redis-server");
  requireCommand("prometheus", "Debian package prometheus");
  if (!existsSync("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so")) {
    const vmods = spawnSync("bash", ["-c", "ls /usr/lib/*/varnish/vmods/libvmod_xkey.so"], {
      stdio: "ignore",
    });
    if (vmods.status !== 0) throw new Error("stack: vmod xkey is missing (Debian package varnish-modules).");
  }

  /** @type {{ name: string, stop: () => Promise<void> }[]} */
  const parts = [];
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const part of parts.reverse()) {
      await part.stop().catch((error) => console.error(`stack: stopping ${part.name}: ${error}`));
    }
  };
  stopStarted = stop;

  const pgDir = path.join(dataDir, "postgres");
  const stopPostgres = () => {
    // pg_ctl runs PostgreSQL apart from this process: a stack killed outright leaves it running.
    if (!existsSync(path.join(pgDir, "postmaster.pid"))) return;
    const bin = execFileSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"])
      .toString()
      .trim();
    const runAs = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
    const [command, ...args] = [...runAs, `${bin}/pg_ctl`, "-D", pgDir, "-m", "fast", "-w", "stop"];
    spawnSync(command, args, { stdio: "ignore" });
  };
  try {
    stopPostgres();
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.join(dataDir, "logs"), { recursive: true });

    // PostgreSQL: scripts/test/pg-start.sh's throwaway server, stopped with the stack.
    const pgUrl = execFileSync("bash", [path.join(root, "scripts/test/pg-start.sh")], {
      cwd: root,
      env: { ...process.env, PGPORT: String(ports.postgres), PG_DATA_DIR: pgDir },
      stdio: ["ignore", "pipe", "inherit"],
    })
      .toString()
      .trim();
    parts.push({ name: "postgresql", stop: async () => stopPostgres() });
    say(`PostgreSQL on 127.0.0.1:${ports.postgres} (${pgUrl})`);

    const redis = startProcess(
      "redis",
      "redis-server",
      [
        "--port",
        String(ports.redis),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--maxmemory",
        "256mb",
        "--maxmemory-policy",
        "allkeys-lru",
        "--dir",
        dataDir,
      ],
      {},
      dataDir,
    );
    parts.push(redis);
    await waitForRedis(ports.redis);
    say(`Redis on 127.0.0.1:${ports.redis}`);

    const nextBase = { ...process.env, ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
    if (!buildIsCurrent(distDir)) {
      say(`building into ${distDir}`);
      runNode(
        [path.join(root, "node_modules/next/dist/bin/next"), "build"],
        { ...nextBase, NEXT_DIST_DIR: distDir },
        "build",
      );
    }

    const secret = randomBytes(24).toString("hex");
    /** @type {NodeJS.ProcessEnv} */
    const env = {
      ...nextBase,
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: pgUrl,
      REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
      EDGE_PURGE_URLS: `http://127.0.0.1:${ports.varnish}/`,
      EDGE_PURGE_SECRET: secret,
      // Varnish appends the client's address to X-Forwarded-For (docs/security.md).
      TRUSTED_PROXY_HOPS: "1",
      SITE_URL: siteUrl,
      HOST: "127.0.0.1",
      // The release step below sets the database up, once, before any instance starts.
      DATABASE_SETUP_ON_START: "false",
    };

    // Release step: migrations and the seed catalog, as a live deployment runs them.
    runNode([...TSX, "scripts/ops/migrate.ts", "deploy"], env, "db:migrate");
    runNode([...TSX, "scripts/ops/seed.ts"], env, "db:seed");
    options.afterRelease?.(env);

    /** @type {Record<"a" | "b", ReturnType<typeof instance>>} */
    const instances = {
      a: instance("a", ports.a, env, dataDir),
      b: instance("b", ports.b, env, dataDir),
    };
    parts.push({
      name: "instances",
      stop: () => Promise.all([instances.a.stop(), instances.b.stop()]).then(() => {}),
    });
    await Promise.all([instances.a.start(), instances.b.start()]);
    say(
      `store instance a on 127.0.0.1:${ports.a}, b on 127.0.0.1:${ports.b} (logs in ${path.relative(root, dataDir)}/logs)`,
    );

    const vclDir = path.join(dataDir, "varnish-site");
    mkdirSync(vclDir, { recursive: true });
    writeFileSync(path.join(vclDir, "site.vcl"), siteVcl({ instancePorts: [ports.a, ports.b], secret }));
    // varnishd drops root to its own user: its work folder lives where that user may write.
    const varnishWork = `/tmp/bookstore-stack-varnish-${port}`;
    const varnish = startProcess(
      "varnish",
      "varnishd",
      [
        "-F",
        "-n",
        varnishWork,
        "-a",
        `127.0.0.1:${ports.varnish}`,
        "-T",
        "127.0.0.1:0",
        "-f",
        path.join(root, "deploy/varnish/store.vcl"),
        "-p",
        `vcl_path=${vclDir}:${path.join(root, "deploy/varnish")}:/usr/share/varnish/vcl`,
        "-p",
        "vmod_path=" + vmodPath(),
        "-s",
        "malloc,256m",
      ],
      {},
      dataDir,
    );
    parts.push(varnish);
    await waitFor(`http://127.0.0.1:${ports.varnish}/api/health`, 30_000, () => varnish.exited());
    say(`Varnish on http://127.0.0.1:${ports.varnish} (SITE_URL ${siteUrl}): open it in a browser`);

    const monitoring = await startMonitoring({ ports, varnishWork, dataDir, startProcess, waitFor });
    parts.push(...monitoring.parts);
    say(
      `Prometheus on http://127.0.0.1:${ports.prometheus} scraping both instances` +
        (monitoring.exporters.length ? ` and the exporters (${monitoring.exporters.join(", ")})` : ""),
    );

    return {
      ports,
      env,
      varnishWork,
      instances,
      stop,
      url: `http://127.0.0.1:${ports.varnish}`,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function vmodPath() {
  return execFileSync("bash", ["-c", "dirname $(ls /usr/lib/*/varnish/vmods/libvmod_std.so | head -1)"])
    .toString()
    .trim();
}

/** @param {number} port */
async function waitForRedis(port) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout?.includes("PONG"))
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`stack: Redis on ${port} did not answer`);
}

/**
 * A child process whose output goes to logs/<name>.log (errors also to this terminal).
 * @param {string} name @param {string} command @param {string[]} args @param {NodeJS.ProcessEnv} env
 * @param {string} dataDir
 */
function startProcess(name, command, args, env, dataDir) {
  const log = createWriteStream(path.join(dataDir, "logs", `${name}.log`), { flags: "a" });
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  return {
    name,
    child,
    exited: () => exited,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve(undefined);
        child.once("exit", () => resolve(undefined));
        child.kill("SIGTERM");
        // A store instance finishes its requests first (SHUTDOWN_TIMEOUT_MS, 10 s, then up to 5 s
        // to close: lib/shutdown/server.mjs); SIGKILL only after that bound.
        setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
      }).then(() => {}),
  };
}

/** One store instance (server.mjs), which can be stopped and started again. */
function instance(
  /** @type {string} */ name,
  /** @type {number} */ port,
  /** @type {NodeJS.ProcessEnv} */ env,
  /** @type {string} */ dataDir,
) {
  /** @type {ReturnType<typeof startProcess> | null} */
  let running = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    running: () => !!running && !running.exited(),
    async start() {
      if (running && !running.exited()) return;
      const proc = startProcess(
        `instance-${name}`,
        process.execPath,
        [path.join(root, "server.mjs")],
        { ...env, PORT: String(port) },
        dataDir,
      );
      running = proc;
      await waitFor(`http://127.0.0.1:${port}/api/ready`, 120_000, () => proc.exited());
    },
    async stop() {
      await running?.stop();
      running = null;
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  nextEnv.loadEnvConfig(root, false);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      console.log("stack: stopping");
      void stopStarted().then(() => process.exit(0));
    });
  }
  try {
    await startStack({ port: Number(process.env.PORT || 8080), siteUrl: process.env.SITE_URL || undefined });
    console.log("stack: running; Ctrl-C stops every part.");
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
