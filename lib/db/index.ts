import "server-only";
import { getEnv } from "@/lib/env";
import { openDatabase, type Database } from "./client";

export type { Db } from "./types";

const globalForDb = globalThis as unknown as { bookstoreDb?: Promise<Database> };

/**
 * The process-wide database. Kept on globalThis so development reloads reuse it: PGlite is a
 * single connection and must never be opened twice in one process.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.bookstoreDb ??= openDatabase(getEnv().DATABASE_URL);
  return globalForDb.bookstoreDb;
}

export async function getPrisma() {
  return (await getDatabase()).prisma;
}
