import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseSeedCatalog, type SeedCatalog } from "./seed";

export const SEED_CATALOG_PATH = path.resolve("prisma/seed/catalog.json");

export async function readSeedCatalog(file = SEED_CATALOG_PATH): Promise<SeedCatalog> {
  return parseSeedCatalog(JSON.parse(await readFile(file, "utf8")));
}
