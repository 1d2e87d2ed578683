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

/**
 * Closes the process database (graceful shutdown): PGlite writes its data directory out and
 * PostgreSQL's pool ends. Nothing may use it afterwards.
 */
export async function closeDatabase(): Promise<void> {
  const opened = globalForDb.bookstoreDb;
  if (!opened) return;
  await (await opened).close();
}
