// The database's own functions (PL/pgSQL and SQL) and the triggers that call them live as one .sql
// file per function under lib/catalog/search/sql/, each a CREATE OR REPLACE. Migrations install
// them: `npm run db:sql:generate` writes a migration holding the text of every file that changed,
// and the drift check (`npm run db:migrate:check`) fails while a file and the migrations disagree.
// "Disagree" is judged by the database, not by the text: the committed migrations are applied to
// an empty in-memory PGlite, then each file; a file that changes a function or trigger definition
// there (pg_get_functiondef, pg_get_triggerdef) is not what the migrations install.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { openPGlite } from "./adapters";
import { listMigrations, MIGRATIONS_DIR } from "./migrations";

export const SQL_FILES_DIR = path.resolve("lib/catalog/search/sql");

export interface SqlFile {
  /** The file name, e.g. bookstore_fold.sql. */
  name: string;
  text: string;
  /** The functions and triggers it creates or replaces. */
  functions: string[];
  triggers: string[];
}

export interface SqlFileDrift {
  /** Files whose text changes what the migrations install (or that fail to apply there). */
  stale: { file: string; reason: string }[];
  /** Functions and triggers the migrations install that no file defines. */
  homeless: string[];
}

const FUNCTION = /\bCREATE\s+OR\s+REPLACE\s+FUNCTION\s+(?:public\.)?"?(\w+)"?\s*\(/gi;
const TRIGGER = /\bCREATE\s+OR\s+REPLACE\s+TRIGGER\s+"?(\w+)"?/gi;

/** The .sql files in name order, the order a generated migration applies them in. */
export async function readSqlFiles(dir = SQL_FILES_DIR): Promise<SqlFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(dir, name), "utf8");
      return {
        name,
        text,
        functions: [...text.matchAll(FUNCTION)].map((m) => m[1]!),
        triggers: [...text.matchAll(TRIGGER)].map((m) => m[1]!),
      };
    }),
  );
}

// Functions of extensions (pg_trgm, unaccent live in public too) are not ours.
const DEFINITIONS = `
  SELECT 'function ' || p.oid::regprocedure::text AS key, p.proname AS name, pg_get_functiondef(p.oid) AS def
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
     AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  UNION ALL
  SELECT 'trigger ' || t.tgname || ' on ' || c.relname, t.tgname, pg_get_triggerdef(t.oid)
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND NOT t.tgisinternal`;

type Definitions = Map<string, { name: string; def: string }>;

async function definitions(db: PGlite): Promise<Definitions> {
  const { rows } = await db.query<{ key: string; name: string; def: string }>(DEFINITIONS);
  return new Map(rows.map((row) => [row.key, { name: row.name, def: row.def }]));
}

function changed(before: Definitions, after: Definitions): string[] {
  return [...after].filter(([key, { def }]) => before.get(key)?.def !== def).map(([key]) => key);
}

/** Compares the .sql files with what the committed migrations install (see the header). */
export async function sqlFileDrift(
  dirs: { sqlDir?: string; migrationsDir?: string } = {},
): Promise<SqlFileDrift> {
  const files = await readSqlFiles(dirs.sqlDir);
  const db = await openPGlite(null);
  try {
    // Each migration as one script, as the schema engine runs them (lib/db/migrations.ts).
    for (const migration of (await listMigrations(dirs.migrationsDir ?? MIGRATIONS_DIR))
      .migrationDirectories) {
      const content = migration.migrationFile.content;
      if (content.tag === "error") throw new Error(`${migration.path}: ${content.value}`);
      await db.exec(content.value);
    }
    const installed = await definitions(db);
    const stale: SqlFileDrift["stale"] = [];
    let current = installed;
    for (const file of files) {
      try {
        await db.exec(file.text);
      } catch (error) {
        stale.push({ file: file.name, reason: `does not apply: ${(error as Error).message}` });
        continue;
      }
      const next = await definitions(db);
      const differences = changed(current, next);
      if (differences.length) stale.push({ file: file.name, reason: `changes ${differences.join(", ")}` });
      current = next;
    }
    const defined = new Set(files.flatMap((file) => [...file.functions, ...file.triggers]));
    const homeless = [...installed]
      .filter(([, { name }]) => !defined.has(name))
      .map(([key]) => key)
      .sort();
    return { stale, homeless };
  } finally {
    await db.close();
  }
}

/** A migration installing these files' text, in name order. */
export function sqlFilesMigration(files: SqlFile[], dir = SQL_FILES_DIR): string {
  const folder = path.relative(process.cwd(), dir);
  const header =
    `-- Generated by \`npm run db:sql:generate\` from ${folder}/: edit those files, not this one.\n` +
    `-- Each is a CREATE OR REPLACE, so applying one that did not change changes nothing.\n`;
  return header + files.map((file) => `\n-- ${folder}/${file.name}\n${file.text.trimEnd()}\n`).join("");
}
