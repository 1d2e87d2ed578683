import type { Db } from "./types";

/** Whether the database answers a trivial query within `timeoutMs` (readiness probes). */
export async function databaseAnswers(db: Db, timeoutMs = 2000): Promise<boolean> {
  const probe = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
