// A migration's SQL run statement by statement on a test database: data migrations are tested by
// putting a database into the state they repair, then running them again.
import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db/types";

/** A migration's statements: split at the semicolons that end a line, comments dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .replace(/^--.*$/gm, "")
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** Runs prisma/migrations/<name>/migration.sql on `db`. */
export async function runMigration(db: Db, name: string): Promise<void> {
  const sql = readFileSync(`prisma/migrations/${name}/migration.sql`, "utf8");
  for (const statement of splitStatements(sql)) await db.$executeRawUnsafe(statement);
}
