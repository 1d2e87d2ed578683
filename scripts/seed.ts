// npm run db:seed: inserts the missing parts of the seed catalog (never overwrites; see lib/catalog/seed.ts).
import "./load-env";
import { openDatabase } from "@/lib/db/client";
import { seedCatalog } from "@/lib/catalog/seed";
import { readSeedCatalog } from "@/lib/catalog/seed-file";
import { refreshSearchVocabulary } from "@/lib/catalog/search";

async function main() {
  const catalog = await readSeedCatalog();
  const db = await openDatabase(process.env.DATABASE_URL);
  try {
    const created = await db.prisma.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
    const summary = Object.entries(created)
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${n} ${what}`)
      .join(", ");
    console.log(`[${db.kind}] seed: ${summary || "nothing missing"}`);
    // The search vocabulary follows the catalog; an unchanged catalog keeps it (fast restarts).
    if (summary || (await db.prisma.searchWord.count({ take: 1 })) === 0) {
      await refreshSearchVocabulary(db.prisma);
      await db.prisma.$executeRawUnsafe(`VACUUM ANALYZE "SearchWord"`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error("seed failed:", error);
  process.exit(1);
});
