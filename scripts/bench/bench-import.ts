// npm run bench:import -- [--engine postgres|pglite] [--books 2000]
// Times a CSV import on a throwaway database (PostgreSQL: a new database on TEST_POSTGRES_URL's
// local server; PGlite: a temporary directory): the dry run, the apply (one transaction) with
// storefront-style reads on other connections meanwhile (PostgreSQL only: on PGlite they would
// wait for the transaction), the export, and the dry run of re-importing that export.
// The file: --books books of two editions each, Spanish titles with quotes, commas and apostrophes.
import "../ops/load-env";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import { claimApply, createImportJob, runApply, runDryRun } from "@/lib/catalog/exchange/import-jobs";
import { CSV_COLUMNS } from "@/lib/catalog/exchange/csv";
import { exportListingsCsv } from "@/lib/catalog/exchange/csv-export";
import { createTestDatabase, type EngineName } from "@/test/databases";

const { values } = parseArgs({
  options: { engine: { type: "string", default: "postgres" }, books: { type: "string", default: "2000" } },
});
const engine = values.engine as EngineName;
const books = Number(values.books);

function csvFile(): string {
  const rows: string[][] = [];
  for (let i = 0; i < books; i++) {
    for (const [format, price] of [
      ["paperback", "12.50"],
      ["ebook", "4.99"],
    ]) {
      const cells: Record<string, string> = {
        slug: `libro-${i}`,
        title: `Libro número ${i}, "edición" d'oro`,
        status: "published",
        languages: "es",
        categories: "fiction",
        contributors: `A01: Autora ${i % 300}; B06: Traductor ${i % 50}`,
        description: `Descripción del libro ${i}.\nCon dos líneas.`,
        format: format ?? "",
        price: price ?? "",
        currency: "EUR",
      };
      rows.push(CSV_COLUMNS.map((c) => cells[c] ?? ""));
    }
  }
  return stringify([[...CSV_COLUMNS], ...rows], { bom: true });
}

const ms = (start: number) => Math.round(performance.now() - start);

async function main() {
  const text = csvFile();
  const db = await createTestDatabase(engine);
  try {
    await db.prisma.category.create({ data: { slug: "fiction", name: "Fiction" } });
    const user = await db.prisma.adminUser.create({
      data: { email: "bench@example.test", name: "Bench", passwordHash: "x", role: "editor" },
    });
    const job = (t: string) =>
      createImportJob(db.prisma, {
        fileName: "bench.csv",
        text: t,
        byteSize: Buffer.byteLength(t),
        actorId: user.id,
      });

    const id = await job(text);
    let start = performance.now();
    await runDryRun(db.prisma, id);
    const dryRun = ms(start);
    await claimApply(db.prisma, id, user.id);

    const latencies: number[] = [];
    let applying = true;
    const reader =
      engine === "postgres"
        ? (async () => {
            while (applying) {
              const t = performance.now();
              await db.prisma.book.findMany({
                where: { status: "published" },
                orderBy: { publishedAt: "desc" },
                take: 24,
                include: { editions: true },
              });
              latencies.push(performance.now() - t);
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          })()
        : null;
    start = performance.now();
    const saved = await runApply(db.prisma, db.kind, id, { id: user.id });
    const apply = ms(start);
    applying = false;
    await reader;
    latencies.sort((a, b) => a - b);

    start = performance.now();
    const exported = await exportListingsCsv(db.prisma);
    const exportMs = ms(start);
    const again = await job(exported);
    start = performance.now();
    await runDryRun(db.prisma, again);
    const reDryRun = ms(start);
    const unchanged = (await db.prisma.csvImport.findUniqueOrThrow({ where: { id: again } })).booksUnchanged;

    console.log(
      JSON.stringify({
        engine,
        books,
        rows: books * 2,
        bytes: Buffer.byteLength(text),
        dryRunMs: dryRun,
        applyMs: apply,
        saved: saved?.length ?? 0,
        readsDuringApply: latencies.length,
        readP50Ms: latencies.length ? Number(latencies[Math.floor(latencies.length / 2)]?.toFixed(1)) : null,
        readMaxMs: latencies.length ? Number(latencies[latencies.length - 1]?.toFixed(1)) : null,
        exportMs,
        reimportDryRunMs: reDryRun,
        reimportUnchanged: unchanged,
      }),
    );
  } finally {
    await db.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench:import failed:", error);
    process.exit(1);
  },
);
