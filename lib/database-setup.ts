// Setting a store's database up: the pending migrations, whatever of the seed catalog is missing
// (with the search vocabulary refreshed when anything was), and in demo mode the demo admin when
// there is no staff account at all. A demo server runs it before serving (instrumentation-node.ts,
// DATABASE_SETUP_ON_START), on the database it serves from: one process, the database opened once.
// A live store runs its parts as release steps (`npm run db:migrate`, `npm run db:seed`). Every
// part is safe to repeat and does nothing when nothing is missing.
import { generatePassword } from "@/lib/auth/password";
import { countStaffUsers, createStaffUser } from "@/lib/auth/users";
import { seedCatalog, type SeedResult } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { refreshSearchVocabulary } from "@/lib/catalog/search/queries";
import type { Database } from "@/lib/db/client";
import { deployMigrations, pendingMigrations } from "@/lib/db/migrations";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const DEMO_ADMIN_EMAIL = "admin@bookstore.local";

/** Applies the pending migrations through the database's own connection; their names. */
export async function migrateDatabase(database: Database): Promise<string[]> {
  // Nothing pending (every restart): one query, and the schema engine is never loaded.
  if ((await pendingMigrations(database.prisma)).length === 0) return [];
  return (await deployMigrations(database.adapter)).applied;
}

/** Inserts what is missing of the seed catalog (never overwrites); what it created. */
export async function seedDatabase(db: PrismaClient): Promise<SeedResult> {
  const catalog = await readSeedCatalog();
  const created = await db.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
  // The search vocabulary follows the catalog; an unchanged catalog keeps it (fast restarts).
  if (Object.values(created).some((n) => n > 0) || (await db.searchWord.count({ take: 1 })) === 0) {
    await refreshSearchVocabulary(db);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "SearchWord"`);
  }
  return created;
}

/**
 * Demo mode only: when there is no staff account at all, creates DEMO_ADMIN_EMAIL with a random
 * password and returns it (to be shown once); null when any staff account exists.
 */
export async function createDemoAdmin(db: PrismaClient): Promise<string | null> {
  if ((await countStaffUsers(db)) > 0) return null;
  const password = generatePassword();
  await createStaffUser(
    db,
    { email: DEMO_ADMIN_EMAIL, name: "Demo admin", role: "admin", password },
    { actorId: null, ip: null },
  );
  return password;
}

export interface SetupReport {
  migrations: string[];
  seeded: SeedResult;
  /** The new demo admin's password, or null when none was created. */
  demoAdminPassword: string | null;
  /** Milliseconds per step. */
  ms: { migrate: number; seed: number; demoAdmin: number };
}

/** Migrations, then the seed, then (demo mode) the demo admin, one after another on `database`. */
export async function setUpDatabase(
  database: Database,
  { demoAdmin }: { demoAdmin: boolean },
): Promise<SetupReport> {
  let mark = performance.now();
  const lap = () => {
    const ms = Math.round(performance.now() - mark);
    mark = performance.now();
    return ms;
  };
  const migrations = await migrateDatabase(database);
  const migrateMs = lap();
  const seeded = await seedDatabase(database.prisma);
  const seedMs = lap();
  const demoAdminPassword = demoAdmin ? await createDemoAdmin(database.prisma) : null;
  return {
    migrations,
    seeded,
    demoAdminPassword,
    ms: { migrate: migrateMs, seed: seedMs, demoAdmin: lap() },
  };
}

/** The lines that show a new demo admin's password, once. */
export function demoAdminNotice(password: string): string {
  return [
    "",
    "  Demo admin created (shown only this once):",
    `    email:    ${DEMO_ADMIN_EMAIL}`,
    `    password: ${password}`,
    "  Sign in at /admin/sign-in. Add staff at /admin/users or with `npm run admin:create`.",
    "",
  ].join("\n");
}
