// npm run bench:search -- [--runs 20]
// A fixed query mix through loadSearchResult, warm, on the databases named in BENCH_DATABASES: a
// comma-separated list of label=url pairs, e.g.
//   BENCH_DATABASES="pg-10k=postgresql://…/bench_10k,pg-100k=postgresql://…/bench_100k,pglite-10k=pglite:.data/bench-10k"
// (seed each first: DATABASE_URL=… npm run db:migrate && DATABASE_URL=… npm run db:seed:large -- --books 10000).
// Prints p50/p95/p99 per kind and overall, and the p95 ratio of each "*-100k" to its "*-10k".
// Then two reference lines, so that figures from different machines and days can be compared:
// "floor", the same texts through only the search window and its ranking (no filters, typo
// analysis, snippets, summaries), the least any search of this design costs; and "machine", a
// fixed CPU-bound statement that depends on nothing but the server's speed.
import "../ops/load-env";
import { parseArgs } from "node:util";
import { rankedWindowIds, loadSearchResult } from "@/lib/catalog/search/queries";
import { parseSearchParams } from "@/lib/catalog/search/query";
import { openDatabase } from "@/lib/db/client";
import { benchDatabases, line, machineMs, p95 as p95Of, ratioPairs } from "./bench-stats";

const MIX: { kind: string; params: Record<string, string> }[] = [
  { kind: "plain", params: { q: "history of mexico" } },
  { kind: "plain", params: { q: "silent river" } },
  { kind: "plain", params: { q: "korean war" } },
  { kind: "plain", params: { q: "children music" } },
  { kind: "phrase", params: { q: '"golden garden"' } },
  { kind: "phrase", params: { q: '"korean war"' } },
  { kind: "exclusion", params: { q: "war -korean" } },
  { kind: "exclusion", params: { q: "history -europe" } },
  { kind: "typo", params: { q: "koren war" } },
  { kind: "typo", params: { q: "histroy of the war" } },
  { kind: "typo", params: { q: "gardn of japn" } },
  { kind: "typo", params: { q: "philosphy" } },
  { kind: "spanish", params: { q: "educación" } },
  { kind: "spanish", params: { q: "historia de mexico" } },
  { kind: "spanish", params: { q: "corazon" } },
  { kind: "filtered", params: { q: "history", language: "es" } },
  { kind: "filtered", params: { q: "garden", format: "ebook", max_price: "15" } },
  { kind: "filtered", params: { q: "war", sort: "price-asc", min_rating: "4" } },
];

async function benchOne(label: string, url: string, runs: number): Promise<number> {
  const database = await openDatabase(url);
  const books = await database.prisma.book.count();
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  const floor: number[] = [];
  let machine = NaN;
  try {
    for (const { params } of MIX) {
      const { query } = parseSearchParams(params);
      await loadSearchResult(database.prisma, query); // warm
    }
    for (let i = 0; i < runs; i++) {
      for (const { kind, params } of MIX) {
        const { query } = parseSearchParams(params);
        const t = performance.now();
        await loadSearchResult(database.prisma, query);
        const ms = performance.now() - t;
        all.push(ms);
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      }
    }
    // The floor takes the mix's texts without their filters.
    const texts = MIX.map(({ params }) => parseSearchParams({ q: params.q }).query);
    for (const query of texts) await rankedWindowIds(database.prisma, query); // warm
    for (let i = 0; i < runs; i++) {
      for (const query of texts) {
        const t = performance.now();
        await rankedWindowIds(database.prisma, query);
        floor.push(performance.now() - t);
      }
    }
    machine = await machineMs(database.prisma);
  } finally {
    await database.close();
  }
  console.log(`\n${label} (${database.kind}, ${books} books)`);
  for (const [kind, times] of byKind) console.log("  " + line(kind, times));
  console.log("  " + line("all", all));
  console.log("  " + line("floor", floor) + "  (window and ranking only)");
  console.log(`  machine: count(*) of generate_series(1, 1000000) in ${machine.toFixed(0)} ms (median of 5)`);
  return p95Of(all);
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
  const p95 = new Map<string, number>();
  for (const { label, url } of benchDatabases("bench-search.ts")) {
    p95.set(label, await benchOne(label, url, Number(values.runs)));
  }
  for (const { large, small, a, b } of ratioPairs(p95))
    console.log(`\np95 ratio ${large} / ${small}: ${(a / b).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error("bench:search failed:", error);
  process.exit(1);
});
