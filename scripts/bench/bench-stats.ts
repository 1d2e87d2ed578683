// What bench:search and bench:lists share: the BENCH_DATABASES list, percentiles, one printed
// line per kind, the "machine" reference statement and the 100k/10k ratios.
import type { Db } from "@/lib/db/types";

/** BENCH_DATABASES="label=url,label=url": the databases to run on, in order. */
export function benchDatabases(script: string): { label: string; url: string }[] {
  const spec = process.env.BENCH_DATABASES;
  if (!spec) {
    console.error(`Set BENCH_DATABASES=label=url,… (see the header of scripts/bench/${script}).`);
    process.exit(2);
  }
  return spec
    .split(",")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      return { label: pair.slice(0, at), url: pair.slice(at + 1) };
    });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function p95(times: number[]): number {
  return percentile(
    [...times].sort((a, b) => a - b),
    95,
  );
}

export function line(label: string, times: number[], width = 12): string {
  const s = [...times].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(width)} n=${String(s.length).padStart(5)} p50 ${f(percentile(s, 50))} p95 ${f(percentile(s, 95))} p99 ${f(percentile(s, 99))} ms`;
}

/** A fixed CPU-bound statement: how fast the database server is today, whatever the data. */
export async function machineMs(db: Db): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await db.$queryRaw`SELECT count(*) FROM generate_series(1, 1000000)`;
    times.push(performance.now() - t);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/** Pairs each "*-100k" label with its "*-10k" label. */
export function ratioPairs<T>(byLabel: Map<string, T>): { large: string; small: string; a: T; b: T }[] {
  return [...byLabel].flatMap(([large, a]) => {
    if (!large.endsWith("-100k")) return [];
    const small = large.replace(/-100k$/, "-10k");
    const b = byLabel.get(small);
    return b === undefined ? [] : [{ large, small, a, b }];
  });
}
