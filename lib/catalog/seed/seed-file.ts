import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseSeedCatalog, type SeedCatalog } from "./seed";

export const SEED_CATALOG_PATH = path.resolve("prisma/seed/catalog.json");

export async function readSeedCatalog(file = SEED_CATALOG_PATH): Promise<SeedCatalog> {
  // Read at run time, never traced into the build (the bundler would take in the whole project).
  return parseSeedCatalog(JSON.parse(await readFile(/* turbopackIgnore: true */ file, "utf8")));
}
