import "server-only";
import { getDatabase } from "./process-database";

export type { Db } from "./types";
export { getDatabase };

export async function getPrisma() {
  return (await getDatabase()).prisma;
}
