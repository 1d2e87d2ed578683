// Fresh, migrated databases for integration tests: a PGlite directory and a database on the
// local PostgreSQL server (TEST_POSTGRES_URL, started by scripts/test/pg-start.sh). Refuses any
// server that is not on this machine.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrations";

export type EngineName = "pglite" | "postgres";

export interface TestDatabase extends Database {
  url: string;
  /** Drops the database (PostgreSQL) or deletes its directory (PGlite). */
  destroy: () => Promise<void>;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function postgresAdminUrl(): URL | null {
  const raw = process.env.TEST_POSTGRES_URL;
  if (!raw) return null;
  const url = new URL(raw);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(
      `TEST_POSTGRES_URL must point at this machine (got ${url.hostname}); tests create and drop databases.`,
    );
  }
  return url;
}

/** Engines the suite runs on. PostgreSQL is required when REQUIRE_POSTGRES=1 (npm test sets it). */
export function testEngines(): EngineName[] {
  if (postgresAdminUrl()) return ["pglite", "postgres"];
  if (process.env.REQUIRE_POSTGRES === "1") {
    throw new Error(
      "REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is unset: start one with `npm run db:pg:start`.",
    );
  }
  console.warn("TEST_POSTGRES_URL is unset: integration tests run on PGlite only.");
  return ["pglite"];
}

export async function createEmptyDatabase(
  engine: EngineName,
): Promise<{ url: string; destroy: () => Promise<void> }> {
  if (engine === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bookstore-it-"));
    return {
      url: `pglite:${dir}`,
      destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const admin = postgresAdminUrl();
  if (!admin) throw new Error("TEST_POSTGRES_URL is unset");
  const name = `bookstore_it_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    destroy: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A new database with every migration applied, and a Prisma client on it. */
export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(engine);
  await deployMigrations(empty.url);
  const db = await openDatabase(empty.url);
  return {
    ...db,
    url: empty.url,
    destroy: async () => {
      await db.close();
      await empty.destroy();
    },
  };
}
