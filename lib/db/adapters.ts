// Picks the Prisma driver adapter from DATABASE_URL. Shared by the app, the migration and seed
// scripts and the tests, so every one of them opens databases the same way.
//   unset                        -> PGlite in ./.data/pglite (the embedded demo/development store)
//   pglite:<dir> | pglite:memory -> PGlite in <dir>, or in memory
//   postgres(ql)://...           -> @prisma/adapter-pg (production, tests, benchmarks)
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ClientConfig } from "pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { countDbStatement } from "@/lib/log/request-stats.mjs";
import { timeDbQuery, watchPool } from "@/lib/metrics/registry.mjs";
import { inSpan, tracing } from "@/lib/telemetry/spans.mjs";
import { noteDatabaseOutcome } from "./availability.mjs";

export const DEFAULT_DATABASE_URL = "pglite:./.data/pglite";

export type DatabaseKind = "pglite" | "postgres";

export type ParsedDatabaseUrl =
  { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string | null };

export function parseDatabaseUrl(url: string | undefined): ParsedDatabaseUrl {
  const value = url?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  if (value.startsWith("pglite:")) {
    const dir = value.slice("pglite:".length);
    if (!dir)
      throw new Error(
        `DATABASE_URL "${value}" names no PGlite directory (use pglite:memory for an in-memory database).`,
      );
    return { kind: "pglite", dataDir: dir === "memory" ? null : path.resolve(dir) };
  }
  throw new Error(
    `DATABASE_URL "${value}" is not supported: use postgresql://user@host:port/db, pglite:<directory> or pglite:memory.`,
  );
}

/**
 * Opens PGlite with every extension the migrations use; main and shadow databases alike.
 * `loadDataDir` (a `dumpDataDir` archive, lib/db/backup.ts) fills a directory that holds no database yet.
 */
export async function openPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const options = { extensions: { pg_trgm, unaccent }, ...(loadDataDir ? { loadDataDir } : {}) };
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  // new PGlite(undefined, options) ignores options: an in-memory database takes them first.
  const db = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await db.waitReady;
  return db;
}

export interface AdapterHandle {
  kind: DatabaseKind;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
}

/**
 * A search's window is "the first N matches the scan returns" (docs/search.md), so the scan order
 * must not change between requests: no parallel workers (they interleave rows at random), and no
 * synchronized sequential scans (a scan would start wherever a concurrent one of the table is).
 * Both also suit short storefront queries. Behind a pooler that drops startup options (PgBouncer),
 * set them on the role instead: ALTER ROLE … SET max_parallel_workers_per_gather = 0, ….
 */
const SESSION_OPTIONS = "-c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off";

/** The span of one SQL statement (traces on): named by its first keyword, its text without values. */
function statementSpan(query: unknown, send: () => Promise<unknown>): Promise<unknown> {
  const sql = (query as { sql?: unknown } | undefined)?.sql;
  const text = typeof sql === "string" ? sql : "";
  const operation = /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? "QUERY";
  return inSpan(
    `db ${operation}`,
    {
      "db.system.name": "postgresql",
      "db.operation.name": operation,
      "db.query.text": text.slice(0, 2_000),
    },
    send,
  );
}

/**
 * `queryable` with every statement it sends counted for the current request (lib/log/request-stats),
 * timed (bookstore_db_query_duration_seconds) and, when traces are on, in a span of its own
 * (lib/telemetry/spans.mjs).
 */
function counted<T extends object>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (name === "queryRaw" || name === "executeRaw") {
        return (...args: unknown[]): unknown => {
          countDbStatement();
          const send = () => method.apply(target, args) as Promise<unknown>;
          return timeDbQuery(tracing() ? statementSpan(args[0], send) : send());
        };
      }
      if (name === "startTransaction") {
        return async (...args: unknown[]): Promise<object> =>
          counted((await method.apply(target, args)) as object);
      }
      return method.bind(target);
    },
  });
}

function countingFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => counted(await factory.connect()),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

/** Calls whose outcome says whether the database answers (lib/db/availability.mjs). */
const OBSERVED_CALLS = new Set(["queryRaw", "executeRaw", "startTransaction", "commit", "rollback"]);

/** The adapter (or a transaction of it), reporting each call's outcome to the availability tracker. */
function observed<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || !OBSERVED_CALLS.has(String(property))) return value;
      return async (...args: unknown[]) => {
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          noteDatabaseOutcome(null);
          return property === "startTransaction" ? observed(result as object) : result;
        } catch (error) {
          noteDatabaseOutcome(error);
          throw error;
        }
      };
    },
  });
}

/**
 * A new connection that cannot be made within this fails instead of waiting (an unreachable
 * server). Set on the connections only: pg's pool would apply its own connectionTimeoutMillis to
 * queries waiting for a free connection too, and refuse them under load.
 */
const CONNECT_TIMEOUT_MS = 1_500;

export async function createAdapter(url: string | undefined): Promise<AdapterHandle> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { default: postgres } = await import("pg");
    class QuickConnectClient extends postgres.Client {
      constructor(config?: string | ClientConfig) {
        super({
          ...(typeof config === "string" ? { connectionString: config } : config),
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        });
      }
    }
    const pg = new PrismaPg(
      { connectionString: parsed.url, max: 10, options: SESSION_OPTIONS, Client: QuickConnectClient },
      { onPoolError: noteDatabaseOutcome, onConnectionError: noteDatabaseOutcome },
    );
    const factory: SqlMigrationAwareDriverAdapterFactory = {
      provider: pg.provider,
      adapterName: pg.adapterName,
      connect: async () => {
        const adapter = await pg.connect();
        watchPool(adapter.underlyingDriver());
        return observed(adapter);
      },
      connectToShadowDb: () => pg.connectToShadowDb(),
    };
    return { kind: "postgres", factory: countingFactory(factory), close: async () => {} };
  }
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = await openPGlite(parsed.dataDir);
  return { kind: "pglite", factory: countingFactory(new PrismaPGlite(pglite)), close: () => pglite.close() };
}

interface ScriptClient {
  exec?: (sql: string) => Promise<unknown>;
  query: (sql: string) => Promise<unknown>;
}

// Runs each migration script as one simple-protocol query, as Prisma's native engine does:
// pglite-prisma-adapter 0.7.2 does not await its exec (a failing migration would be recorded as
// applied), and adapter-pg 7.10 splits scripts on every ";" (breaking $$ bodies, not atomic).
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = (adapter as unknown as { client: ScriptClient }).client;
  const onError = (adapter as unknown as { onError: (error: unknown) => never }).onError;
  adapter.executeScript = async (script: string) => {
    try {
      if (typeof client.exec === "function") await client.exec(script);
      else await client.query(script);
    } catch (error) {
      onError.call(adapter, error);
    }
  };
  return adapter;
}

/** The adapter factory the schema engine needs: whole-script execution and a PGlite shadow database. */
export function migrationAdapterFactory(handle: AdapterHandle): SqlMigrationAwareDriverAdapterFactory {
  const { factory } = handle;
  return {
    adapterName: factory.adapterName,
    provider: factory.provider,
    connect: async () => runScriptsWhole(await factory.connect()),
    connectToShadowDb: async () => {
      if (handle.kind === "pglite") {
        const { PrismaPGlite } = await import("pglite-prisma-adapter");
        return runScriptsWhole(await new PrismaPGlite(await openPGlite(null)).connect());
      }
      return runScriptsWhole(await factory.connectToShadowDb());
    },
  };
}
