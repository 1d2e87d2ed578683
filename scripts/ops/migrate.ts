// npm run db:migrate | db:migrate:create -- <name> | db:migrate:check | db:migrate:status
//         db:sql:generate [-- --all] (a migration installing the changed lib/catalog/search/sql files)
import "./load-env";
import { deployMigrations, migrationStatus, pendingSchemaSql, writeMigration } from "@/lib/db/migrations";
import { readSqlFiles, sqlFileDrift, sqlFilesMigration, type SqlFileDrift } from "@/lib/db/sql-files";

function reportHomeless(drift: SqlFileDrift): void {
  console.error(
    "DRIFT: the migrations install functions or triggers that no file in lib/catalog/search/sql/ defines\n" +
      "(add one, or drop them in a migration):\n" +
      drift.homeless.map((key) => `  ${key}`).join("\n"),
  );
}

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
      let code = 0;
      const sql = await pendingSchemaSql();
      if (sql.trim()) {
        console.error(
          "DRIFT: prisma/schema.prisma differs from prisma/migrations. Create a migration with\n" +
            "  npm run db:migrate:create -- <name>\nMissing SQL:\n" +
            sql,
        );
        code = 1;
      } else console.log("OK: prisma/migrations match prisma/schema.prisma.");
      const drift = await sqlFileDrift();
      if (drift.stale.length) {
        console.error(
          "DRIFT: these files in lib/catalog/search/sql/ differ from what prisma/migrations install.\n" +
            "Create a migration with\n  npm run db:sql:generate\n" +
            drift.stale.map(({ file, reason }) => `  ${file}: ${reason}`).join("\n"),
        );
        code = 1;
      }
      if (drift.homeless.length) {
        reportHomeless(drift);
        code = 1;
      }
      if (!drift.stale.length && !drift.homeless.length) {
        console.log("OK: prisma/migrations install lib/catalog/search/sql/ as it is.");
      }
      return code;
    }
    case "sql": {
      const all = name === "--all";
      const drift = await sqlFileDrift();
      const stale = new Set(drift.stale.map(({ file }) => file));
      const files = (await readSqlFiles()).filter((file) => all || stale.has(file.name));
      if (drift.homeless.length) reportHomeless(drift);
      if (!files.length) {
        console.log("lib/catalog/search/sql/ matches the migrations: nothing to generate.");
        return drift.homeless.length ? 1 : 0;
      }
      const folder = await writeMigration("search_sql", sqlFilesMigration(files));
      console.log(
        `Created prisma/migrations/${folder}/migration.sql from ${files.map((file) => file.name).join(", ")}`,
      );
      return drift.homeless.length ? 1 : 0;
    }
    case "status":
      console.log(JSON.stringify(await migrationStatus(url), null, 2));
      return 0;
    default:
      console.error("usage: migrate.ts deploy | create <name> | check | status | sql [--all]");
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
