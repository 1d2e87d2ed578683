// Prisma migrations without Prisma's native engine (which cannot be downloaded here): the Wasm
// schema engine driven through a driver adapter, reading and writing Prisma's own
// prisma/migrations folder format and `_prisma_migrations` table.
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  DiffTarget,
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Db } from "./types";
import {
  createAdapter,
  migrationAdapterFactory,
  openPGlite,
  type AdapterHandle,
  type DatabaseKind,
} from "./adapters";

// Anchored at the project, not at this module: in the server's bundle (a demo store migrates as it
// starts) the bundler would turn `require.resolve` into a module id.
const projectRequire = createRequire(path.join(process.cwd(), "package.json"));

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type SchemaEngineClass = typeof SchemaEngine;
let engineClass: Promise<SchemaEngineClass> | undefined;

function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  engineClass ??= (async () => {
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as {
      __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
      SchemaEngine: SchemaEngineClass;
    };
    const wasmPath = path.join(
      path.dirname(projectRequire.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const wasmModule = new WebAssembly.Module(
      new Uint8Array(await readFile(/* turbopackIgnore: true */ wasmPath)),
    );
    const instance = new WebAssembly.Instance(wasmModule, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

async function openEngine(handle: AdapterHandle): Promise<SchemaEngine> {
  const SchemaEngineCtor = await loadSchemaEngineClass();
  const bound = bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(handle));
  const datamodel = await readFile(SCHEMA_PATH, "utf8");
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  return SchemaEngineCtor.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, log, bound);
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  // Read at run time, never traced into the build (the bundler would take in the whole project).
  const lockFile = path.join(dir, "migration_lock.toml");
  const lockContent = await readFile(/* turbopackIgnore: true */ lockFile, "utf8").catch(() => null);
  const entries = await readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = path.join(dir, entry.name, "migration.sql");
    const content = await readFile(/* turbopackIgnore: true */ file, "utf8")
      .then((value) => ({ tag: "ok" as const, value }))
      .catch((error: Error) => ({ tag: "error" as const, value: error.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

async function schemaTarget(): Promise<DiffTarget> {
  return {
    tag: "schemaDatamodel",
    files: [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") }],
  };
}

/**
 * Applies pending migrations to the database DATABASE_URL names, or through an adapter already
 * open (the server's own: PGlite is one connection), which stays open; returns their names.
 */
export async function deployMigrations(
  target: string | undefined | AdapterHandle,
): Promise<{ kind: DatabaseKind; applied: string[] }> {
  const owned = typeof target === "object" ? null : await createAdapter(target);
  const handle = owned ?? (target as AdapterHandle);
  try {
    const engine = await openEngine(handle);
    const out = await engine.applyMigrations({
      migrationsList: await listMigrations(),
      filters: NO_FILTERS,
    });
    return { kind: handle.kind, applied: out.appliedMigrationNames };
  } finally {
    await owned?.close();
  }
}

/**
 * The committed migrations that `_prisma_migrations` does not record as applied (all of them on
 * an empty database). One query, so that a start with nothing to apply never loads the schema
 * engine (~1–2 s of Wasm); applying them stays the engine's job (deployMigrations).
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const names = (await listMigrations()).migrationDirectories.map((m) => m.path);
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table?.exists) return names;
  const applied = await db.$queryRaw<{ name: string }[]>`
    SELECT "migration_name" AS "name" FROM "_prisma_migrations"
     WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
  const done = new Set(applied.map((row) => row.name));
  return names.filter((name) => !done.has(name));
}

/** The SQL that would bring the committed migrations to schema.prisma; "" when none. */
export async function pendingSchemaSql(): Promise<string> {
  const shadow = await openPGlite(null);
  const handle: AdapterHandle = {
    kind: "pglite",
    factory: new PrismaPGlite(shadow),
    close: () => shadow.close(),
  };
  try {
    const engine = await openEngine(handle);
    const list = await listMigrations();
    const from: DiffTarget = list.migrationDirectories.length
      ? { tag: "migrations", ...list }
      : { tag: "empty" };
    const result = await engine.diff({
      from,
      to: await schemaTarget(),
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    await handle.close();
  }
}

export async function writeMigration(name: string, sql: string): Promise<string> {
  // Folders apply in name order: a new one must sort after every existing one, whose stamps may
  // be later than the clock (releases are planned ahead).
  const latest = (await listMigrations()).migrationDirectories.at(-1)?.path.slice(0, 14) ?? "";
  const now = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const stamp = now > latest ? now : nextStamp(latest);
  const dirName = `${stamp}_${name.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  await mkdir(path.join(MIGRATIONS_DIR, dirName), { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, dirName, "migration.sql"), sql);
  await writeFile(
    path.join(MIGRATIONS_DIR, "migration_lock.toml"),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return dirName;
}

export async function migrationStatus(url: string | undefined): Promise<unknown> {
  const handle = await createAdapter(url);
  try {
    const engine = await openEngine(handle);
    return await engine.diagnoseMigrationHistory({
      migrationsList: await listMigrations(),
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
  } finally {
    await handle.close();
  }
}

/** The stamp one second after a YYYYMMDDHHMMSS stamp. */
function nextStamp(stamp: string): string {
  const [, y, mo, d, h, mi, se] = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(stamp) ?? [];
  const next = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se) + 1),
  );
  return next.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}
