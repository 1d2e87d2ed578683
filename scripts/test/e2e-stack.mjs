// The Playwright web server of the `stack` project: node scripts/test/e2e-stack.mjs <port> <control-port>
// `npm run stack`'s topology (scripts/ops/stack.mjs: PostgreSQL, Redis, two instances, Varnish on
// <port>) serving the e2e build (a copy of it: the cache folders must not be shared with the other
// e2e servers), with the e2e staff accounts, and a control server on 127.0.0.1:<control-port> that
// e2e/stack.spec.ts uses to stop and start the instances under traffic:
//   POST /instances/<a|b>/stop, POST /instances/<a|b>/start   204 once done
//   GET  /                                                   {"ports": …, "varnishWork": …}
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { buildIsCurrent } from "../ops/build-freshness.mjs";
import { startStack } from "../ops/stack.mjs";

const [port, controlPort] = process.argv.slice(2).map(Number);
if (!port || !controlPort) {
  console.error("usage: node scripts/test/e2e-stack.mjs <port> <control-port>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "../..");
const BUILD_DIR = process.env.E2E_BUILD_DIR || ".next-e2e-build";
const distDir = `.next-e2e-stack-${port}`;

if (!buildIsCurrent(BUILD_DIR)) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: BUILD_DIR },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) process.exit(result.status || 1);
}
rmSync(path.join(root, distDir), { recursive: true, force: true });
cpSync(path.join(root, BUILD_DIR), path.join(root, distDir), { recursive: true });

const stack = await startStack({
  port,
  distDir,
  siteUrl: `http://127.0.0.1:${port}`,
  quiet: true,
  // Mail is not under test here: an SMTP port nothing listens on keeps it in the outbox.
  env: { STORE_MODE: "demo", SMTP_URL: `smtp://127.0.0.1:${controlPort + 1}` },
  afterRelease: (env) => {
    const result = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/test/e2e-staff.ts"],
      { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] },
    );
    if (result.status !== 0) throw new Error("e2e stack: creating the staff accounts failed");
  },
});

const control = createServer((req, res) => {
  const match = /^\/instances\/([ab])\/(stop|start)$/.exec(req.url ?? "");
  if (req.method === "POST" && match) {
    const target = stack.instances[/** @type {"a" | "b"} */ (match[1])];
    (match[2] === "stop" ? target.stop() : target.start()).then(
      () => res.writeHead(204).end(),
      (error) => res.writeHead(500).end(String(error)),
    );
    return;
  }
  if (req.method === "GET" && req.url === "/") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ports: stack.ports, varnishWork: stack.varnishWork }));
    return;
  }
  res.writeHead(404).end();
});
control.listen(controlPort, "127.0.0.1");

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    control.close();
    void stack.stop().then(() => process.exit(0));
  });
}
