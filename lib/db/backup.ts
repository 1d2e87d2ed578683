// Backups of the store's database (npm run db:backup / db:restore; docs/deploy.md, "Backups").
// Everything a store holds lives in its database, uploaded covers and ebook files included, so one
// dump is the whole store: PostgreSQL's in pg_dump's custom format, PGlite's as the tarball of its
// data directory (`dumpDataDir`). The secrets in the environment (SESSION_SECRET, Stripe, SMTP) are
// not in it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { openPGlite, parseDatabaseUrl, type DatabaseKind } from "./adapters";
import { deployMigrations, listMigrations } from "./migrations";

/** A refusal or failure the operator can act on: the commands print its message, no stack. */
export class BackupError extends Error {}

/** The tables a backup's and a restore's summary count, with the names they are shown under. */
export const COUNTED_TABLES = [
  ["Book", "books"],
  ["Edition", "editions"],
  ["Order", "orders"],
  ["OrderItem", "order items"],
  ["Rating", "ratings"],
  ["ListingRevision", "listing revisions"],
  ["CoverImage", "cover images"],
  ["EbookFile", "ebook files"],
  ["DownloadGrant", "download grants"],
  ["AdminUser", "staff accounts"],
  ["AdminSession", "staff sessions"],
  ["ApiToken", "API tokens"],
] as const;

export type RowCounts = Record<(typeof COUNTED_TABLES)[number][1], number>;

export interface BackupResult {
  kind: DatabaseKind;
  file: string;
  bytes: number;
  /** The newest migration in the backup: the schema it restores to. */
  migration: string;
  counts: RowCounts;
}

export interface RestoreResult {
  kind: DatabaseKind;
  file: string;
  /** The newest migration in the backup. */
  backupMigration: string;
  /** The newest migration in the database after the restore. */
  migration: string;
  /** Migrations the backup predates, applied after restoring it. */
  applied: string[];
  /** Whether a database with tables in it was replaced (--force). */
  replaced: boolean;
  counts: RowCounts;
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** `backups/bookstore-<kind>-<UTC stamp>.<ext>`, the name a backup gets when none is given. */
export function defaultBackupFile(kind: DatabaseKind, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join("backups", `bookstore-${kind}-${stamp}.${kind === "postgres" ? "dump" : "tar.gz"}`);
}

async function countRows(query: Query): Promise<RowCounts> {
  const columns = COUNTED_TABLES.map(
    ([table, label]) => `(SELECT count(*) FROM "${table}")::int AS "${label}"`,
  );
  const [row] = await query(`SELECT ${columns.join(", ")}`);
  return Object.fromEntries(COUNTED_TABLES.map(([, label]) => [label, Number(row?.[label])])) as RowCounts;
}

/** The migrations a database records as applied, or null when it has no migrations table. */
async function appliedMigrations(query: Query): Promise<string[] | null> {
  const [table] = await query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`);
  if (!table?.exists) return null;
  const rows = await query(`SELECT migration_name AS "name" FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return rows.map((row) => String(row.name));
}

/**
 * The migrations a backup lacks (restoring applies them). A backup with migrations this code does
 * not know was made by a newer release: its schema may hold what this code would break or drop.
 */
async function pendingAfterRestore(file: string, inBackup: string[] | null): Promise<string[]> {
  if (!inBackup?.length) {
    throw new BackupError(
      `${file} holds no store schema (no applied migrations): it is not a backup of this store.`,
    );
  }
  const known = (await listMigrations()).migrationDirectories.map((m) => m.path);
  const unknown = inBackup.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new BackupError(
      `${file} was made by a newer release: it has migrations this code does not know (${unknown.join(", ")}). ` +
        "Restore it with the release that made it, or a later one. Nothing was changed.",
    );
  }
  return known.filter((name) => !inBackup.includes(name));
}

type FileKind = "pg_dump" | "pglite" | "other";

/** What a file is, from its first bytes: a pg_dump custom archive ("PGDMP"), a (gzipped) tar, or neither. */
async function fileKind(file: string): Promise<FileKind> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new BackupError(`No such file: ${file}. Nothing was changed.`);
  if (!info.isFile()) throw new BackupError(`${file} is not a file. Nothing was changed.`);
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(262);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 5 && head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    if (bytesRead >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "pglite";
    return "other";
  } finally {
    await handle.close();
  }
}

async function expectKind(file: string, kind: DatabaseKind): Promise<void> {
  const found = await fileKind(file);
  if (found === "other") {
    throw new BackupError(
      `${file} is not a backup made by db:backup (neither a pg_dump custom archive nor a PGlite dump). Nothing was changed.`,
    );
  }
  if (kind === "postgres" && found === "pglite") {
    throw new BackupError(
      `${file} is a PGlite backup, but DATABASE_URL names a PostgreSQL database: restore it into a PGlite ` +
        "directory (DATABASE_URL=pglite:<dir>). Nothing was changed.",
    );
  }
  if (kind === "pglite" && found === "pg_dump") {
    throw new BackupError(
      `${file} is a PostgreSQL backup (pg_dump), but DATABASE_URL names a PGlite database: restore it into ` +
        "PostgreSQL (DATABASE_URL=postgresql://…). Nothing was changed.",
    );
  }
}

/** The URL as it may be printed: without its password. */
export function displayUrl(url: string): string {
  const parsed = parseDatabaseUrl(url);
  if (parsed.kind === "pglite") return parsed.dataDir ? `pglite:${parsed.dataDir}` : "pglite:memory";
  const shown = new URL(parsed.url);
  if (shown.password) shown.password = "***";
  return shown.toString();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: pg_dump, pg_restore and psql from the client of the server's major version

interface Run {
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env?: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0
        ? resolve({ stdout, stderr })
        : reject(
            new BackupError(
              `${path.basename(command)} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`,
            ),
          ),
    );
  });
}

/** The URL libpq gets, and the password it gets through the environment (not on a command line). */
function libpqTarget(url: string): { dbname: string; env: Record<string, string> } {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  return { dbname: target.toString(), env: password ? { PGPASSWORD: password } : {} };
}

interface PgTools {
  bin: (tool: "pg_dump" | "pg_restore" | "psql") => string;
  major: number;
}

async function clientMajor(command: string): Promise<number | null> {
  try {
    const { stdout } = await run(command, ["--version"]);
    const match = /\)\s+(\d+)/.exec(stdout) ?? /(\d+)\.\d+/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * pg_dump refuses a server newer than itself, and an older server's dump is best made by the
 * client of its own version: take Debian's client of the server's major version, else the
 * oldest installed one that is newer, else the one on PATH.
 */
async function pgTools(serverMajor: number): Promise<PgTools> {
  const root = "/usr/lib/postgresql";
  const installed = existsSync(root)
    ? readdirSync(root)
        .map(Number)
        .filter(
          (major) => Number.isInteger(major) && existsSync(path.join(root, String(major), "bin", "pg_dump")),
        )
        .sort((a, b) => a - b)
    : [];
  const debian = installed.find((major) => major >= serverMajor);
  if (debian !== undefined)
    return { major: debian, bin: (tool) => path.join(root, String(debian), "bin", tool) };
  const onPath = await clientMajor("pg_dump");
  if (onPath !== null && onPath >= serverMajor) return { major: onPath, bin: (tool) => tool };
  const found = [...installed, ...(onPath === null ? [] : [onPath])];
  throw new BackupError(
    `The server runs PostgreSQL ${serverMajor}, and ${found.length ? `the newest pg_dump here is ${Math.max(...found)}` : "no pg_dump is installed"}: ` +
      `install its client of version ${serverMajor} or later (Debian: apt-get install postgresql-client-${serverMajor}).`,
  );
}

async function withPostgres<T>(
  url: string,
  work: (client: pg.Client, query: Query) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to ${displayUrl(url)}: ${(error as Error).message}`);
  }
  try {
    return await work(client, async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await client.end();
  }
}

async function serverMajor(query: Query): Promise<number> {
  const [row] = await query("SHOW server_version_num");
  return Math.floor(Number(row?.server_version_num) / 10_000);
}

async function backupPostgres(url: string, file: string): Promise<Omit<BackupResult, "bytes">> {
  return withPostgres(url, async (client, query) => {
    const tools = await pgTools(await serverMajor(query));
    // pg_dump reads the snapshot this transaction exports: the counts printed are the dump's own.
    await query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const [snapshot] = await query("SELECT pg_export_snapshot() AS id");
    const migrations = await appliedMigrations(query);
    if (!migrations?.length) {
      throw new BackupError(
        `${displayUrl(url)} holds no store (no applied migrations): nothing to back up. Is DATABASE_URL right?`,
      );
    }
    const counts = await countRows(query);
    const target = libpqTarget(url);
    await run(
      tools.bin("pg_dump"),
      [
        "--format=custom",
        `--snapshot=${String(snapshot?.id)}`,
        `--file=${file}`,
        `--dbname=${target.dbname}`,
      ],
      target.env,
    );
    await client.query("COMMIT");
    return { kind: "postgres" as const, file, migration: migrations.at(-1)!, counts };
  });
}

/** The migrations a pg_dump archive's `_prisma_migrations` holds (null: the table is not in it). */
async function migrationsInDump(tools: PgTools, file: string): Promise<string[] | null> {
  const { stdout } = await run(tools.bin("pg_restore"), [
    "--data-only",
    "--table=_prisma_migrations",
    "--file=-",
    file,
  ]).catch((error: unknown) => {
    throw new BackupError(
      `pg_restore cannot read ${file}: ${(error as Error).message}. Nothing was changed.`,
    );
  });
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => /^COPY \S*_prisma_migrations \(/.test(line));
  if (start < 0) return null;
  const columns = /\((.*)\) FROM stdin;$/.exec(lines[start]!)![1]!.split(", ");
  const at = (name: string) => columns.indexOf(name);
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const values = line.split("\t");
    if (values[at("finished_at")] !== "\\N" && values[at("rolled_back_at")] === "\\N") {
      names.push(values[at("migration_name")]!);
    }
  }
  return names.sort();
}

/** Tables, views and sequences outside PostgreSQL's own schemas. */
async function userRelations(query: Query): Promise<number> {
  const [row] =
    await query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`);
  return Number(row?.n);
}

/** pg_restore's script piped into one psql transaction: a failure anywhere leaves the database as it was. */
function restoreScript(tools: PgTools, file: string, url: string, replace: boolean): Promise<void> {
  const target = libpqTarget(url);
  return new Promise((resolve, reject) => {
    const restore = spawn(tools.bin("pg_restore"), ["--no-owner", "--no-acl", "--file=-", file], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The store lives in schema public (extensions included): replacing drops it in the same
    // transaction that loads the backup.
    const drop = replace ? ["-c", "DROP SCHEMA public CASCADE", "-c", "CREATE SCHEMA public"] : [];
    const psql = spawn(
      tools.bin("psql"),
      [
        "-X",
        "-q",
        "-v",
        "ON_ERROR_STOP=1",
        "--single-transaction",
        ...drop,
        "-f",
        "-",
        `--dbname=${target.dbname}`,
      ],
      { env: { ...process.env, ...target.env }, stdio: ["pipe", "ignore", "pipe"] },
    );
    // psql commits when its input ends: it ends only once pg_restore has read the whole archive.
    // A damaged archive kills psql instead, and its transaction dies with its connection.
    restore.stdout.pipe(psql.stdin, { end: false });
    let errors = "";
    restore.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    psql.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    psql.stdin.on("error", () => {});
    let restoreCode: number | null = null;
    restore.once("close", (code) => {
      restoreCode = code;
      if (code === 0) psql.stdin.end();
      else psql.kill("SIGKILL");
    });
    restore.once("error", reject);
    psql.once("error", reject);
    psql.once("close", (code) => {
      if (code === 0 && restoreCode === 0) resolve();
      else reject(new BackupError(`Restoring ${file} failed, the database is unchanged: ${errors.trim()}`));
    });
  });
}

async function restorePostgres(url: string, file: string, force: boolean) {
  const { tools, pending, replaced, backupMigration } = await withPostgres(url, async (_client, query) => {
    const tools = await pgTools(await serverMajor(query));
    const inDump = await migrationsInDump(tools, file);
    const pending = await pendingAfterRestore(file, inDump);
    const relations = await userRelations(query);
    if (relations > 0 && !force) {
      throw new BackupError(
        `${displayUrl(url)} is not empty (${relations} tables, views or sequences): restoring would replace ` +
          "everything in it. Restore into an empty database, or add --force to replace it. Nothing was changed.",
      );
    }
    return { tools, pending, replaced: relations > 0, backupMigration: inDump?.at(-1) ?? "" };
  });
  await restoreScript(tools, file, url, replaced);
  return { pending, replaced, backupMigration };
}

// ---------------------------------------------------------------------------------------------
// PGlite: the tarball of its data directory

function pgliteDir(url: string, doing: string): string {
  const parsed = parseDatabaseUrl(url);
  if (parsed.kind !== "pglite") throw new Error("not a PGlite URL");
  if (!parsed.dataDir)
    throw new BackupError(`DATABASE_URL is pglite:memory: there is no database to ${doing}.`);
  return parsed.dataDir;
}

/**
 * PGlite is one process with no lock of its own: a second one opening the directory would not see
 * what the first holds in memory (and could corrupt it). It keeps postmaster.pid while open.
 */
function refuseOpenDirectory(dir: string): void {
  if (existsSync(path.join(dir, "postmaster.pid"))) {
    throw new BackupError(
      `The PGlite database in ${dir} is open in another process (a running store?): stop it first. ` +
        `If none runs (a store that was killed), delete ${path.join(dir, "postmaster.pid")}.`,
    );
  }
}

const pgliteQuery =
  (db: Awaited<ReturnType<typeof openPGlite>>): Query =>
  async (sql) =>
    (await db.query<Record<string, unknown>>(sql)).rows;

async function backupPGlite(url: string, file: string): Promise<Omit<BackupResult, "bytes">> {
  const dir = pgliteDir(url, "back up");
  if (!existsSync(path.join(dir, "PG_VERSION")))
    throw new BackupError(`No PGlite database in ${dir}: nothing to back up.`);
  refuseOpenDirectory(dir);
  const db = await openPGlite(dir);
  try {
    const query = pgliteQuery(db);
    const migrations = await appliedMigrations(query);
    if (!migrations?.length)
      throw new BackupError(`${dir} holds no store (no applied migrations): nothing to back up.`);
    const counts = await countRows(query);
    const dump = await db.dumpDataDir("gzip");
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    return { kind: "pglite" as const, file, migration: migrations.at(-1)!, counts };
  } finally {
    await db.close();
  }
}

/**
 * The backup as the plain tar PGlite loads. Unpacked here first: PGlite unpacks a damaged gzip
 * stream where no caller can catch its error, and would start on a half-loaded directory.
 */
async function pgliteArchive(file: string): Promise<Blob> {
  let tar: Buffer = await readFile(file);
  if (tar[0] === 0x1f && tar[1] === 0x8b) {
    try {
      tar = gunzipSync(tar);
    } catch (error) {
      throw new BackupError(`${file} is damaged (${(error as Error).message}). Nothing was changed.`);
    }
  }
  if (tar.subarray(257, 262).toString("latin1") !== "ustar") {
    throw new BackupError(`${file} is not a PGlite backup (no tar archive inside). Nothing was changed.`);
  }
  return new Blob([new Uint8Array(tar)]);
}

async function hasTables(dir: string): Promise<boolean> {
  const db = await openPGlite(dir);
  try {
    return (await userRelations(pgliteQuery(db))) > 0;
  } finally {
    await db.close();
  }
}

async function restorePGlite(url: string, file: string, force: boolean) {
  const dir = pgliteDir(url, "restore into");
  const existing = existsSync(dir) ? readdirSync(dir) : [];
  let replaced = false;
  if (existing.length) {
    if (!existing.includes("PG_VERSION")) {
      throw new BackupError(
        `${dir} is not empty and holds no PGlite database: refusing to replace it. Nothing was changed.`,
      );
    }
    refuseOpenDirectory(dir);
    replaced = await hasTables(dir);
    if (replaced && !force) {
      throw new BackupError(
        `The PGlite database in ${dir} is not empty: restoring would replace everything in it. ` +
          "Restore into an empty directory, or add --force to replace it. Nothing was changed.",
      );
    }
  }
  // Loaded beside the target and checked there; the target is swapped for it only when all is well.
  const staging = `${dir}.restoring-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    let pending: string[];
    let backupMigration = "";
    try {
      const db = await openPGlite(staging, await pgliteArchive(file));
      try {
        const inBackup = await appliedMigrations(pgliteQuery(db));
        pending = await pendingAfterRestore(file, inBackup);
        backupMigration = inBackup?.at(-1) ?? "";
      } finally {
        await db.close();
      }
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `${file} is not a PGlite backup this store can load (${(error as Error).message}). Nothing was changed.`,
      );
    }
    if (pending.length) await deployMigrations(`pglite:${staging}`);
    const previous = `${dir}.replaced-${process.pid}`;
    if (existsSync(dir)) await rename(dir, previous);
    await rename(staging, dir);
    await rm(previous, { recursive: true, force: true });
    return { pending, replaced, backupMigration };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function countsAndLevel(url: string): Promise<{ counts: RowCounts; migration: string }> {
  const parsed = parseDatabaseUrl(url);
  const read = async (query: Query) => ({
    counts: await countRows(query),
    migration: (await appliedMigrations(query))?.at(-1) ?? "",
  });
  if (parsed.kind === "postgres") return withPostgres(url, (_client, query) => read(query));
  const db = await openPGlite(parsed.dataDir);
  try {
    return await read(pgliteQuery(db));
  } finally {
    await db.close();
  }
}

/** Backs the database DATABASE_URL names up into `file` (default: defaultBackupFile), never over an existing file. */
export async function backupDatabase(url: string | undefined, file?: string): Promise<BackupResult> {
  const parsed = parseDatabaseUrl(url);
  const out = path.resolve(file ?? defaultBackupFile(parsed.kind));
  if (existsSync(out)) throw new BackupError(`${out} already exists: name another file with --out.`);
  await mkdir(path.dirname(out), { recursive: true });
  // Written beside its name and renamed when complete: a file under the name is a whole backup.
  const partial = `${out}.partial`;
  try {
    const result =
      parsed.kind === "postgres"
        ? await backupPostgres(parsed.url, partial)
        : await backupPGlite(url ?? "", partial);
    await rename(partial, out);
    return { ...result, file: out, bytes: (await stat(out)).size };
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Restores `file` into the database DATABASE_URL names: refused when that database has tables
 * unless `force`, and when the backup is not this store's (another kind, no migrations, a newer
 * release's). A backup older than the code gets the missing migrations applied after it.
 */
export async function restoreDatabase(
  url: string | undefined,
  file: string,
  force = false,
): Promise<RestoreResult> {
  const parsed = parseDatabaseUrl(url);
  const source = path.resolve(file);
  await expectKind(source, parsed.kind);
  const { pending, replaced, backupMigration } =
    parsed.kind === "postgres"
      ? await restorePostgres(parsed.url, source, force)
      : await restorePGlite(url ?? "", source, force);
  if (parsed.kind === "postgres" && pending.length) await deployMigrations(parsed.url);
  const after = await countsAndLevel(parsed.kind === "postgres" ? parsed.url : (url ?? ""));
  return { kind: parsed.kind, file: source, backupMigration, applied: pending, replaced, ...after };
}
