// The stack's monitoring part (scripts/ops/stack.mjs): Prometheus scraping both store instances'
// /metrics, and Varnish's and Redis's own counters through their Debian exporters when those are
// installed; alerting rules from deploy/prometheus/alerts.yml. All on loopback, which /metrics
// lets in without a token (docs/operations.md).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
export const ALERT_RULES = path.join(root, "deploy/prometheus/alerts.yml");

/** @param {string} name */
const installed = (name) => spawnSync("bash", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;

/**
 * The generated prometheus.yml. A 1 s scrape interval: a stack is for trying and testing, where a
 * request should show in a query a moment later.
 * @param {{ instances: Record<string, number>, varnishExporter: number | null, redisExporter: number | null }} targets
 */
export function prometheusConfig(targets) {
  const store = Object.entries(targets.instances)
    .map(
      ([name, port]) =>
        `      - targets: ["127.0.0.1:${port}"]\n        labels: { store_instance: "${name}" }`,
    )
    .join("\n");
  const exporter = (/** @type {string} */ job, /** @type {number | null} */ port) =>
    port ? `  - job_name: ${job}\n    static_configs:\n      - targets: ["127.0.0.1:${port}"]\n` : "";
  return `# Written by scripts/ops/stack.mjs for this run (docs/operations.md).
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - ${JSON.stringify(ALERT_RULES)}
scrape_configs:
  - job_name: store
    static_configs:
${store}
${exporter("varnish", targets.varnishExporter)}${exporter("redis", targets.redisExporter)}`;
}

/**
 * Starts the exporters that are installed, then Prometheus; resolves once Prometheus is ready.
 * @param {{ ports: { a: number, b: number, redis: number, prometheus: number, varnishExporter: number,
 *   redisExporter: number }, varnishWork: string, dataDir: string,
 *   startProcess: (name: string, command: string, args: string[], env: NodeJS.ProcessEnv, dataDir: string) =>
 *     { name: string, stop: () => Promise<void>, exited: () => boolean },
 *   waitFor: (url: string, timeoutMs: number, gaveUp?: () => boolean) => Promise<void> }} options
 * @returns {Promise<{ parts: { name: string, stop: () => Promise<void> }[], exporters: string[] }>}
 */
export async function startMonitoring({ ports, varnishWork, dataDir, startProcess, waitFor }) {
  const parts = [];
  const exporters = [];
  try {
    let varnishExporter = null;
    if (installed("prometheus-varnish-exporter")) {
      const listen = `127.0.0.1:${ports.varnishExporter}`;
      const args = ["-n", varnishWork, "-web.listen-address", listen];
      parts.push(startProcess("varnish-exporter", "prometheus-varnish-exporter", args, {}, dataDir));
      varnishExporter = ports.varnishExporter;
      exporters.push(`Varnish's on ${listen}`);
    }
    let redisExporter = null;
    if (installed("prometheus-redis-exporter")) {
      const listen = `127.0.0.1:${ports.redisExporter}`;
      const args = ["-redis.addr", `redis://127.0.0.1:${ports.redis}`, "-web.listen-address", listen];
      parts.push(startProcess("redis-exporter", "prometheus-redis-exporter", args, {}, dataDir));
      redisExporter = ports.redisExporter;
      exporters.push(`Redis's on ${listen}`);
    }
    const promDir = path.join(dataDir, "prometheus");
    mkdirSync(promDir, { recursive: true });
    const configFile = path.join(promDir, "prometheus.yml");
    writeFileSync(
      configFile,
      prometheusConfig({ instances: { a: ports.a, b: ports.b }, varnishExporter, redisExporter }),
    );
    const prometheus = startProcess(
      "prometheus",
      "prometheus",
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${path.join(promDir, "data")}`,
        `--web.listen-address=127.0.0.1:${ports.prometheus}`,
        "--storage.tsdb.retention.time=1d",
      ],
      {},
      dataDir,
    );
    parts.push(prometheus);
    await waitFor(`http://127.0.0.1:${ports.prometheus}/-/ready`, 30_000, () => prometheus.exited());
    return { parts, exporters };
  } catch (error) {
    for (const part of parts.reverse()) await part.stop();
    throw error;
  }
}
