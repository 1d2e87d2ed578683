// npm run bench:lists -- [--runs 20]
// The catalog lists' data on a cache miss: what /books (each sort), a category page with
// subcategories (/categories/history) and three filter combinations ask of the database, through
// the uncached service functions (lib/catalog/browse, taxonomy), warm, on the databases named in
// BENCH_DATABASES, a comma-separated list of label=url pairs, e.g.
//   BENCH_DATABASES="pg-10k=postgresql://…/lists_10k,pg-100k=postgresql://…/lists_100k"
// (seed each first: DATABASE_URL=… npm run db:migrate && DATABASE_URL=… npm run db:seed:large -- --books 10000).
// A page's time is its category lookup (category pages), then its books and facets side by side,
// as the pages ask for them; the databases take turns run by run. Prints p50/p95/p99 per list kind
// and the "machine" reference line (see bench:search) per database, then per kind the p95 ratio of
// each "*-100k" label to its "*-10k" label.
import "../ops/load-env";
import { parseArgs } from "node:util";
import { loadBrowseBooks, loadBrowseFacets, type BookScope } from "@/lib/catalog/browse/queries";
import { parseBrowseParams } from "@/lib/catalog/browse/query";
import { loadCategory } from "@/lib/catalog/taxonomy/queries";
import { openDatabase, type Database } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { benchDatabases, line, machineMs, p95, ratioPairs } from "./bench-stats";

const KINDS: { kind: string; category?: string; params: Record<string, string | string[]> }[] = [
  { kind: "books newest", params: {} },
  { kind: "books price-asc", params: { sort: "price-asc" } },
  { kind: "books price-desc", params: { sort: "price-desc" } },
  { kind: "books rating", params: { sort: "rating" } },
  { kind: "books title", params: { sort: "title" } },
  { kind: "books page 2", params: { page: "2" } },
  { kind: "category history", category: "history", params: {} },
  { kind: "spanish by price", params: { language: "es", sort: "price-asc" } },
  { kind: "ebook tts <$15", params: { format: "ebook", feature: "text-to-speech", max_price: "15" } },
  { kind: "history 4+ stars", category: "history", params: { min_rating: "4", sort: "rating" } },
];

async function listPage(db: Db, { category, params }: (typeof KINDS)[number]): Promise<void> {
  const { query } = parseBrowseParams(params);
  let scope: BookScope = {};
  if (category) {
    const found = await loadCategory(db, category);
    if (!found) throw new Error(`No category "${category}": seed the database with db:seed:large.`);
    scope = { categoryIds: found.subtreeIds };
  }
  await Promise.all([loadBrowseBooks(db, query, scope), loadBrowseFacets(db, query, scope)]);
}

interface Bench {
  label: string;
  database: Database;
  books: number;
  byKind: Map<string, number[]>;
}

async function open(label: string, url: string): Promise<Bench> {
  const database = await openDatabase(url);
  const books = await database.prisma.book.count();
  for (const kind of KINDS) await listPage(database.prisma, kind); // warm
  return { label, database, books, byKind: new Map(KINDS.map(({ kind }) => [kind, []])) };
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
  const benches: Bench[] = [];
  try {
    for (const { label, url } of benchDatabases("bench-lists.ts")) benches.push(await open(label, url));
    // The databases take turns, run by run, so that a busy moment of the machine falls on all of them.
    for (let i = 0; i < Number(values.runs); i++) {
      for (const bench of benches) {
        for (const kind of KINDS) {
          const t = performance.now();
          await listPage(bench.database.prisma, kind);
          bench.byKind.get(kind.kind)!.push(performance.now() - t);
        }
      }
    }
    for (const { label, database, books, byKind } of benches) {
      console.log(`\n${label} (${database.kind}, ${books} books)`);
      for (const [kind, times] of byKind) console.log("  " + line(kind, times, 18));
      console.log("  " + line("all", [...byKind.values()].flat(), 18));
      const machine = await machineMs(database.prisma);
      console.log(
        `  machine: count(*) of generate_series(1, 1000000) in ${machine.toFixed(0)} ms (median of 5)`,
      );
    }
  } finally {
    for (const { database } of benches) await database.close();
  }
  const results = new Map(benches.map((b) => [b.label, b.byKind]));
  for (const { large, small, a, b } of ratioPairs(results)) {
    console.log(`\np95 ratio ${large} / ${small}, per kind:`);
    for (const [kind, times] of a) {
      const other = b.get(kind) ?? [];
      console.log(
        `  ${kind.padEnd(18)} ${p95(times).toFixed(1).padStart(7)} / ${p95(other).toFixed(1).padStart(6)} ms = ${(p95(times) / p95(other)).toFixed(2)}`,
      );
    }
    console.log(
      `  ${"all".padEnd(18)} ${(p95([...a.values()].flat()) / p95([...b.values()].flat())).toFixed(2)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error("bench:lists failed:", error);
  process.exit(1);
});
