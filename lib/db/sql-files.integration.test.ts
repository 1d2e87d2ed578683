import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "./migrations";
import { readSqlFiles, SQL_FILES_DIR, sqlFileDrift, sqlFilesMigration } from "./sql-files";

// The drift check on copies of lib/catalog/search/sql/ and prisma/migrations: an edited function
// and a deleted file are both caught, and the migration the generator writes makes them agree.
// (That the committed files are current is `npm run db:migrate:check`, a step of npm test.)
describe("search SQL files and the migrations", () => {
  let root: string;
  let sqlDir: string;
  let migrationsDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "sql-files-"));
    sqlDir = path.join(root, "sql");
    migrationsDir = path.join(root, "migrations");
    await cp(SQL_FILES_DIR, sqlDir, { recursive: true });
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("an edited function and a removed file fail the check; the generated migration installs the edit", async () => {
    const edited = path.join(sqlDir, "bookstore_series_trg.sql");
    const text = await readFile(edited, "utf8");
    expect(text).toContain('UPDATE "Book" SET "seriesName" = NEW."name"');
    await writeFile(edited, text.replace('= NEW."name"', '= upper(NEW."name")'));
    await rm(path.join(sqlDir, "bookstore_fold.sql"));

    const drift = await sqlFileDrift({ sqlDir, migrationsDir });
    expect(drift.stale).toEqual([
      { file: "bookstore_series_trg.sql", reason: "changes function bookstore_series_trg()" },
    ]);
    expect(drift.homeless).toEqual(["function bookstore_fold(text)"]);

    const files = (await readSqlFiles(sqlDir)).filter((file) => file.name === "bookstore_series_trg.sql");
    await mkdir(path.join(migrationsDir, "29991231000000_search_sql"));
    await writeFile(
      path.join(migrationsDir, "29991231000000_search_sql", "migration.sql"),
      sqlFilesMigration(files, sqlDir),
    );
    await cp(path.join(SQL_FILES_DIR, "bookstore_fold.sql"), path.join(sqlDir, "bookstore_fold.sql"));
    expect(await sqlFileDrift({ sqlDir, migrationsDir })).toEqual({ stale: [], homeless: [] });
  });
});
