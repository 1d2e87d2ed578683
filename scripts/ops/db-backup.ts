// npm run db:backup [-- --out <file>]       backs the database DATABASE_URL names up
// npm run db:restore -- <file> [--force]    restores a backup into it (docs/deploy.md, "Backups")
import "./load-env";
import { parseArgs } from "node:util";
import {
  backupDatabase,
  BackupError,
  COUNTED_TABLES,
  displayUrl,
  restoreDatabase,
  type RowCounts,
} from "@/lib/db/backup";
import { DEFAULT_DATABASE_URL } from "@/lib/db/adapters";

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function printCounts(counts: RowCounts): void {
  const width = Math.max(...COUNTED_TABLES.map(([, label]) => label.length));
  for (const [, label] of COUNTED_TABLES) console.log(`  ${label.padEnd(width)}  ${counts[label]}`);
}

async function main(command: string | undefined, args: string[]): Promise<number> {
  const url = process.env.DATABASE_URL;
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (command === "backup") {
    const { values } = parseArgs({ args, options: { out: { type: "string" } } });
    const result = await backupDatabase(url, values.out);
    console.log(`[${result.kind}] backup of ${displayUrl(url || DEFAULT_DATABASE_URL)} in ${seconds()}`);
    console.log(`  file       ${result.file}`);
    console.log(`  size       ${size(result.bytes)}`);
    console.log(`  schema     ${result.migration}`);
    console.log("rows:");
    printCounts(result.counts);
    return 0;
  }
  if (command === "restore") {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: "boolean", default: false } },
    });
    if (positionals.length !== 1) {
      console.error("usage: npm run db:restore -- <backup file> [--force]");
      return 2;
    }
    const result = await restoreDatabase(url, positionals[0]!, values.force);
    console.log(
      `[${result.kind}] restored ${result.file} into ${displayUrl(url || DEFAULT_DATABASE_URL)}` +
        `${result.replaced ? " (replacing what it held)" : ""} in ${seconds()}`,
    );
    console.log(`  backup's schema      ${result.backupMigration}`);
    console.log(
      `  migrations applied   ${result.applied.length ? result.applied.join(", ") : "none (the backup is at this code's schema)"}`,
    );
    console.log("rows:");
    printCounts(result.counts);
    return 0;
  }
  console.error("usage: db-backup.ts backup [--out <file>] | restore <file> [--force]");
  return 2;
}

// The Wasm schema engine (migrations after a restore) leaves a timer running: exit explicitly.
main(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof BackupError) console.error(`${process.argv[2]} refused: ${error.message}`);
    else if (
      error instanceof Error &&
      error.name === "TypeError" &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      console.error(error.message);
      process.exit(2);
    } else console.error(`${process.argv[2]} failed:`, error);
    process.exit(1);
  },
);
