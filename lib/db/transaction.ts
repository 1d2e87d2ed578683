import type { Db } from "./types";

/**
 * Runs `fn` in an interactive transaction when `db` is the client, and as-is inside the caller's
 * transaction when `db` is already a transaction handle (an import saving many listings in one).
 * Prisma 7 handles have `$transaction` too (a nested one, a savepoint, which PGlite's adapter
 * lacks), so the client is told apart by `$connect`, which handles do not have.
 */
export function inTransaction<T>(
  db: Db,
  fn: (tx: Db) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  return "$connect" in db ? db.$transaction((tx) => fn(tx), options) : fn(db);
}
