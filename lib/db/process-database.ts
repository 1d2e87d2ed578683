import { getEnv } from "@/lib/env";
import { openDatabase, type Database } from "./client";

const globalForDb = globalThis as unknown as { bookstoreDb?: Promise<Database> };

/**
 * The process-wide database. Kept on globalThis so every bundle (and development reloads) share
 * it: PGlite is a single connection and must never be opened twice in one process.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.bookstoreDb ??= openDatabase(getEnv().DATABASE_URL);
  return globalForDb.bookstoreDb;
}
