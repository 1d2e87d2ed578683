import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { claimApply, createImportJob, getImportJob, runApply, runDryRun } from "./import-jobs";
import { CSV_COLUMNS, OPTIONAL_COLUMNS, parseListingsCsv } from "./csv";
import { exportListingsCsv } from "./csv-export";
import { applyPlan, planImport } from "./csv-import";
import { createListing, type ListingActor } from "../listings/store";
import { MAX_PRICE_MINOR, type ListingInput } from "../listings/schema";
import { toDecimalString } from "../shared/money";

const engines = testEngines();
const fixture = (name: string) => readFileSync(path.resolve("test/fixtures", name), "utf8");

/** Everything an import could touch, counted, plus the catalog as the export writes it. */
async function storeState(db: TestDatabase) {
  const p = db.prisma;
  const [books, editions, credits, contributors, series, categories, revisions, audit, words] =
    await Promise.all([
      p.book.count(),
      p.edition.count(),
      p.bookContributor.count(),
      p.contributor.count(),
      p.series.count(),
      p.bookCategory.count(),
      p.listingRevision.count(),
      p.auditLog.count(),
      p.searchWord.count(),
    ]);
  return {
    counts: { books, editions, credits, contributors, series, categories, revisions, audit, words },
    csv: await exportListingsCsv(p),
  };
}

/** Upload, dry run, confirm and apply, as the admin does. */
async function importFile(db: TestDatabase, text: string, actor: ListingActor) {
  const id = await createImportJob(db.prisma, {
    fileName: "file.csv",
    text,
    byteSize: Buffer.byteLength(text),
    actorId: actor.id,
  });
  await runDryRun(db.prisma, id);
  const claimed = await claimApply(db.prisma, id, actor.id);
  const results = claimed ? await runApply(db.prisma, db.kind, id, actor) : null;
  return { id, claimed, results, job: await getImportJob(db.prisma, id) };
}

/** The file's cells without the store's id columns, row by row. */
function cellsWithoutIds(text: string): string[][] {
  const kept = CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));
  return parseListingsCsv(text).rows.map((row) => kept.map((c) => row.values[c]));
}

const awkwardBook: ListingInput = {
  title: '=Cálculo, "rápido" y d\'Ors',
  subtitle: "-30-",
  description: 'Línea uno, con comas\r\nlínea dos; y "comillas"',
  status: "published",
  languages: "es, en",
  categorySlugs: ["history"],
  seriesName: "Colección Ñ",
  seriesPosition: 3,
  contributors: [
    { name: "Ana; María", role: "author", note: "credited | as \\ is" },
    { name: "Shen Zihua", role: "original_author" },
  ],
  editions: [
    {
      format: "ebook",
      formatLabel: "Kindle Edition",
      price: "3.99",
      isbn: "9780141439518",
      textToSpeech: true,
    },
    { format: "paperback", price: "1500", currency: "JPY", availability: "preorder", pageCount: "200" },
  ],
};

describe.each(engines)("CSV import and export on %s", (engine) => {
  let db: TestDatabase;
  let actor: ListingActor;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    for (const slug of ["fiction", "spanish", "history"]) {
      await db.prisma.category.create({ data: { slug, name: slug } });
    }
    const user = await db.prisma.adminUser.create({
      data: { email: "ed@example.test", name: "Ed Itor", passwordHash: "x", role: "editor" },
    });
    actor = { id: user.id, ip: "127.0.0.1" };
    await createListing(db.prisma, awkwardBook, { actor });
    await createListing(db.prisma, { title: "Sin ediciones", status: "draft" }, { actor });
  });
  afterAll(async () => db?.destroy());

  it("the dry run of the awkward fixture lists exactly its row errors and writes nothing", async () => {
    const before = await storeState(db);
    const plan = await planImport(db.prisma, fixture("import-awkward.csv"));
    expect(plan.errors).toEqual([
      // A bad ISBN and an unknown category on the same row: both reported.
      { line: 6, column: "categories", message: "Unknown categories: cuentos." },
      { line: 6, column: "isbn13", message: "Not a valid ISBN-13." },
      { line: 7, column: "categories", message: "Unknown categories: novela-negra." },
      { line: 8, column: "title", message: "Missing a required value." },
      {
        line: 9,
        column: "title",
        message:
          'A quote (") inside a value that does not start with one (column “title”): put the whole value in quotes and double the quote inside it ("").',
      },
      {
        line: 10,
        column: "contributors",
        message:
          "Unknown role code “Z99”: use A01 (author), A38 (original author), B06 (translator), A12 (illustrator), B01 (editor).",
      },
      {
        line: 10,
        column: "price",
        message: "Enter a price like 39.99.",
      },
      {
        line: 11,
        column: "title",
        message:
          'Unbalanced quote: a value opens a quote (") that is never closed. Nothing on this line was read.',
      },
    ]);
    // The awkward but valid rows pass: accents, quotes, commas, apostrophes, a line break.
    expect(plan.listings.map((l) => [l.line, l.slug, l.title, l.action])).toEqual([
      [2, "cien-anos-de-soledad", "Cien años de soledad", "create"],
      [5, "obriens-irish-tales", "O'Brien's \"Irish\" Tales", "create"],
    ]);
    expect(plan.listings[0]?.input.description).toBe(
      'La historia de los Buendía, en "Macondo", a lo largo de cien años.\r\nPrimera edición: 1967.',
    );
    expect(plan.listings[1]?.input.contributors).toEqual([
      { name: "Flann O'Brien", role: "author", note: null },
      { name: "Seán Ó Ríordáin", role: "translator", note: "translated, with notes" },
    ]);
    expect(await storeState(db)).toEqual(before);
  });

  it("a job left running by a process that died is shown as failed", async () => {
    const id = await createImportJob(db.prisma, {
      fileName: "x.csv",
      text: "",
      byteSize: 1,
      actorId: actor.id,
    });
    expect(await getImportJob(db.prisma, id)).toMatchObject({ status: "validating" });
    const later = new Date(Date.now() + 21 * 60_000);
    expect(await getImportJob(db.prisma, id, later)).toMatchObject({
      status: "failed",
      message: "Interrupted: the server stopped before the import finished. Nothing was changed.",
    });
  });

  it("a file over the row cap is refused as a whole", async () => {
    const plan = await planImport(db.prisma, fixture("import-clean.csv"), { maxRows: 4 });
    expect(plan).toMatchObject({
      totalRows: 5,
      listings: [],
      errors: [
        {
          line: 1,
          column: null,
          message:
            "The file has 5 rows; one import takes at most 4. Split it into several files, keeping each book's rows together.",
        },
      ],
    });
  });

  it("a job with one bad row is never applied, even when forced, and the store does not change", async () => {
    const clean = fixture("import-clean.csv");
    const bad = clean.replace("9781400034710", "9781400034711");
    const before = await storeState(db);
    const { id, claimed, job } = await importFile(db, bad, actor);
    expect(claimed).toBe(false);
    expect(job).toMatchObject({
      status: "invalid",
      errorCount: 1,
      errors: [{ line: 6, column: "isbn13", message: "Not a valid ISBN-13." }],
      counts: { create: 3, update: 0, unchanged: 0 },
    });
    // Even a job pushed to "applying" re-checks the file inside its transaction and writes nothing.
    await db.prisma.csvImport.update({ where: { id }, data: { status: "applying" } });
    expect(await runApply(db.prisma, db.kind, id, actor)).toBeNull();
    expect(await getImportJob(db.prisma, id)).toMatchObject({ status: "invalid", errorCount: 1 });
    expect(await storeState(db)).toEqual(before);
  });

  it("a price one minor unit over MAX_PRICE_MINOR is a row error, and nothing is stored", async () => {
    const clean = fixture("import-clean.csv");
    const bad = clean.replace(
      ",9788497592208,18.50,EUR,",
      `,9788497592208,${toDecimalString(MAX_PRICE_MINOR + 1, "EUR")},EUR,`,
    );
    expect(bad).not.toBe(clean);
    const before = await storeState(db);
    const { claimed, job } = await importFile(db, bad, actor);
    expect(claimed).toBe(false);
    expect(job).toMatchObject({
      status: "invalid",
      errorCount: 1,
      errors: [{ line: 2, column: "price", message: "Enter a price like 39.99." }],
    });
    expect(await storeState(db)).toEqual(before);
  });

  it("a row the writer refuses half-way undoes the rows already written", async () => {
    // The last book of the file fails in the database, after the others were written.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_test_isbn() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."isbn13" = '9781400034710' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_test_isbn BEFORE INSERT ON "Edition" FOR EACH ROW EXECUTE FUNCTION refuse_test_isbn()`,
    );
    try {
      const before = await storeState(db);
      const { claimed, results, job } = await importFile(db, fixture("import-clean.csv"), actor);
      expect(claimed).toBe(true);
      expect(results).toBeNull();
      expect(job).toMatchObject({
        status: "failed",
        message: "Line 6 (“obriens-irish-tales”) could not be saved: A database error. Nothing was changed.",
      });
      expect(await storeState(db)).toEqual(before);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_test_isbn ON "Edition"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_test_isbn()`);
    }
  });

  it("a clean file applies in one go, with a revision per book, and the export gives it back", async () => {
    const text = fixture("import-clean.csv");
    const auditBefore = await db.prisma.auditLog.count();
    const { id, results, job } = await importFile(db, text, actor);
    expect(job).toMatchObject({
      status: "applied",
      totalRows: 5,
      rowsApplied: 5,
      errorCount: 0,
      counts: { create: 4, update: 0, unchanged: 0 },
    });
    expect(results?.map((r) => r.slug)).toEqual([
      "la-casa-de-los-espiritus",
      "obriens-irish-tales",
      "manga-de-bolsillo",
      "borrador-sin-ediciones",
    ]);
    const revisions = await db.prisma.listingRevision.findMany({
      where: { bookId: { in: results?.map((r) => r.bookId) } },
    });
    expect(revisions.map((r) => [r.source, r.version, r.actorId])).toEqual(
      Array.from({ length: 4 }, () => ["import", 1, actor.id]),
    );
    const audit = await db.prisma.auditLog.findMany({ orderBy: { id: "asc" }, skip: auditBefore });
    expect(audit.map((a) => a.action)).toEqual([
      "listing.created",
      "listing.created",
      "listing.created",
      "listing.created",
      "import.applied",
    ]);
    expect(audit.at(-1)).toMatchObject({
      targetType: "CsvImport",
      targetId: String(id),
      details: { fileName: "file.csv", rows: 5, created: 4, updated: 0, unchanged: 0 },
    });

    // The file's line breaks inside values are CRLF; the store keeps LF, as for every other source.
    const exported = await exportListingsCsv(db.prisma);
    expect(cellsWithoutIds(exported).slice(-5)).toEqual(
      cellsWithoutIds(text).map((row) => row.map((cell) => cell.replace(/\r\n/g, "\n"))),
    );
  });

  it("a hand-made file without ids keeps edition ids: by ISBN, else by format for editions without one", async () => {
    const text = fixture("import-clean.csv");
    const editionIds = () =>
      db.prisma.edition.findMany({
        where: { book: { slug: { in: ["la-casa-de-los-espiritus", "manga-de-bolsillo"] } } },
        orderBy: { id: "asc" },
        select: { id: true, priceMinor: true },
      });
    const before = await editionIds();
    // The same file again is a no-op; a new price keeps the edition it belongs to.
    expect((await planImport(db.prisma, text)).counts).toEqual({ create: 0, update: 0, unchanged: 4 });
    const { job } = await importFile(
      db,
      text.replace(",18.50,EUR,", ",19.00,EUR,").replace(",1500,JPY,", ",1600,JPY,"),
      actor,
    );
    expect(job).toMatchObject({ status: "applied", counts: { create: 0, update: 2, unchanged: 2 } });
    expect(await editionIds()).toEqual([
      { id: before[0]?.id, priceMinor: 1900 },
      { id: before[1]?.id, priceMinor: 799 },
      { id: before[2]?.id, priceMinor: 1600 },
    ]);
  });

  it("importing the export changes nothing, and the next export is the same file", async () => {
    const first = await exportListingsCsv(db.prisma);
    expect(first.startsWith(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    // The formula guard and the awkward seed book are in it.
    expect(first).toContain(`"'=Cálculo, ""rápido"" y d'Ors",'-30-,`);
    const before = await storeState(db);
    const { claimed, job } = await importFile(db, first, actor);
    expect(job).toMatchObject({
      status: "validated",
      errorCount: 0,
      counts: { create: 0, update: 0, unchanged: 6 },
    });
    expect(claimed).toBe(false);
    expect(await storeState(db)).toEqual(before);
    expect(await exportListingsCsv(db.prisma)).toBe(first);
  });

  it("an edited export updates just that book, from the version it was exported at", async () => {
    const exported = await exportListingsCsv(db.prisma);
    const edited = exported.replace(",24.00,USD,", ",26.50,USD,");
    const plan = await planImport(db.prisma, edited);
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ create: 0, update: 1, unchanged: 5 });
    expect(plan.listings.find((l) => l.action === "update")?.fields).toEqual(["editions.0.priceMinor"]);

    // Someone saves the book in between: the file's version is now stale.
    const book = await db.prisma.book.findUniqueOrThrow({ where: { slug: "obriens-irish-tales" } });
    await db.prisma.book.update({ where: { id: book.id }, data: { version: { increment: 1 } } });
    const stale = await planImport(db.prisma, edited);
    const line = parseListingsCsv(edited).rows.find((r) => r.values.slug === "obriens-irish-tales")?.line;
    expect(stale.errors).toEqual([
      {
        line,
        column: "version",
        message: `This book changed after the file was exported (version ${book.version} then, ${book.version + 1} now): export again and redo the edit.`,
      },
    ]);
    await db.prisma.book.update({ where: { id: book.id }, data: { version: book.version } });

    const { job } = await importFile(db, edited, actor);
    expect(job).toMatchObject({ status: "applied", counts: { create: 0, update: 1, unchanged: 5 } });
    const after = await db.prisma.book.findUniqueOrThrow({
      where: { id: book.id },
      include: { editions: true, revisions: { orderBy: { version: "desc" }, take: 1 } },
    });
    expect(after.version).toBe(book.version + 1);
    expect(after.editions[0]?.priceMinor).toBe(2650);
    expect(after.revisions[0]).toMatchObject({
      source: "import",
      diff: { "editions.0.priceMinor": { from: 2400, to: 2650 } },
    });
  });

  it.runIf(engine === "postgres")(
    "while an apply's transaction is open, storefront reads on PostgreSQL answer with the committed catalog",
    async () => {
      const text = fixture("import-clean.csv")
        .replace(
          /la-casa-de-los-espiritus|obriens-irish-tales|manga-de-bolsillo|borrador-sin-ediciones/g,
          (s) => `${s}-2`,
        )
        .replace(/9788497592208|9780307474728|9781400034710/g, "");
      const plan = await planImport(db.prisma, text);
      expect(plan.errors).toEqual([]);
      const published = await db.prisma.book.count({ where: { status: "published" } });
      const seen: number[] = [];
      await db.prisma.$transaction(
        async (tx) => {
          await applyPlan(tx, plan, {
            actor,
            progressEvery: 1,
            // Runs inside the transaction, between two books: a read through another connection.
            onProgress: async () => {
              seen.push(await db.prisma.book.count({ where: { status: "published" } }));
            },
          });
        },
        { timeout: 60_000 },
      );
      expect(seen).toEqual(Array(5).fill(published));
      expect(await db.prisma.book.count({ where: { status: "published" } })).toBe(published + 3);
    },
  );
});
