// npm run db:seed: inserts the missing parts of the seed catalog (never overwrites; see lib/catalog/seed/seed.ts).
import "./load-env";
import { seedDatabase } from "@/lib/database-setup";
import { openDatabase } from "@/lib/db/client";

async function main() {
  const db = await openDatabase(process.env.DATABASE_URL);
  try {
    const created = await seedDatabase(db.prisma);
    const summary = Object.entries(created)
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${n} ${what}`)
      .join(", ");
    console.log(`[${db.kind}] seed: ${summary || "nothing missing"}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error("seed failed:", error);
  process.exit(1);
});
