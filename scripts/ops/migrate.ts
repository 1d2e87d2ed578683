// npm run db:migrate | db:migrate:create -- <name> | db:migrate:check | db:migrate:status
import "./load-env";
import { deployMigrations, migrationStatus, pendingSchemaSql, writeMigration } from "@/lib/db/migrations";

async function main(command: string | undefined, name: string | undefined): Promise<number> {
  const url = process.env.DATABASE_URL;
  switch (command) {
    case "deploy": {
      const { kind, applied } = await deployMigrations(url);
      console.log(`[${kind}] migrations applied: ${applied.length ? applied.join(", ") : "none pending"}`);
      return 0;
    }
    case "create": {
      if (!name) {
        console.error("Name the migration: npm run db:migrate:create -- add_something");
        return 2;
      }
      const sql = await pendingSchemaSql();
      if (!sql.trim()) {
        console.log("schema.prisma matches the migrations: nothing to create.");
        return 0;
      }
      console.log(`Created prisma/migrations/${await writeMigration(name, sql)}/migration.sql`);
      return 0;
    }
    case "check": {
      const sql = await pendingSchemaSql();
      if (sql.trim()) {
        console.error(
          "DRIFT: prisma/schema.prisma differs from prisma/migrations. Create a migration with\n" +
            "  npm run db:migrate:create -- <name>\nMissing SQL:\n" +
            sql,
        );
        return 1;
      }
      console.log("OK: prisma/migrations match prisma/schema.prisma.");
      return 0;
    }
    case "status":
      console.log(JSON.stringify(await migrationStatus(url), null, 2));
      return 0;
    default:
      console.error("usage: migrate.ts deploy | create <name> | check | status");
      return 2;
  }
}

// The Wasm engine leaves a timer running for ~10 s: exit explicitly.
main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("migrate failed:", error);
    process.exit(1);
  },
);
