// npm run db:seed:large -- --books 100000 [--append] [--seed 42]
// A deterministic synthetic catalog for search and load benchmarks, into whichever database
// DATABASE_URL names: English and Spanish titles, contributors with roles, the seed's
// categories, series, editions in several formats and prices, published rating aggregates.
// Batched multi-row inserts with the name triggers off (names filled set-based per batch), then
// the search vocabulary refresh, VACUUM FULL of "Book" and VACUUM ANALYZE. Refuses a database that already holds more
// than the seed catalog unless --append.
import "./load-env";
import { parseArgs } from "node:util";
import { en, es } from "@faker-js/faker";
import { refreshSearchVocabulary } from "@/lib/catalog/search/queries";
import { seedCatalog } from "@/lib/catalog/seed/seed";
import { readSeedCatalog } from "@/lib/catalog/seed/seed-file";
import { openDatabase } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const BATCH = 1000;

/** mulberry32: a small, fast, deterministic PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /**
   * Zipf–Mandelbrot over the list's order (P(rank k) ∝ 1/(k + 10)), the shape of word frequencies
   * in real titles and blurbs: the first word of a 1,000-word list is in about 2 % of draws, the
   * hundredth in 0.2 %, most words rarely.
   */
  const zipf = <T>(list: readonly T[]): T => {
    const k0 = 10;
    const x = k0 * ((list.length + k0) / k0) ** next() - k0;
    return list[Math.min(list.length - 1, Math.floor(x))]!;
  };
  return { next, int, pick, zipf };
}

type Rng = ReturnType<typeof rng>;

const EN = {
  adjectives: [
    "Silent",
    "Hidden",
    "Last",
    "Golden",
    "Broken",
    "Secret",
    "Little",
    "Wild",
    "Forgotten",
    "Bright",
    "Distant",
    "Northern",
    "Ancient",
    "Modern",
    "Curious",
    "Gentle",
    "Restless",
    "Endless",
    "Quiet",
    "Brave",
  ],
  nouns: [
    "River",
    "War",
    "Garden",
    "Empire",
    "Kingdom",
    "Ocean",
    "Mountain",
    "Harbor",
    "Library",
    "Forest",
    "City",
    "Island",
    "Journey",
    "Winter",
    "Summer",
    "Machine",
    "Letters",
    "Children",
    "Stars",
    "Road",
    "House",
    "Revolution",
    "Science",
    "Music",
    "Painter",
    "Teacher",
    "Kitchen",
    "Dragon",
    "Detective",
    "Village",
    "Border",
  ],
  topics: [
    "History",
    "Philosophy",
    "Economics",
    "Mathematics",
    "Gardening",
    "Cooking",
    "Astronomy",
    "Poetry",
    "Architecture",
    "Medicine",
    "Psychology",
    "Chemistry",
    "Photography",
    "Leadership",
    "Mythology",
    "Biology",
    "Geography",
    "Democracy",
    "Diplomacy",
    "Education",
  ],
  places: [
    "Europe",
    "Africa",
    "Japan",
    "Mexico",
    "India",
    "Canada",
    "Brazil",
    "Egypt",
    "Russia",
    "Peru",
    "Scotland",
    "Vietnam",
    "Chile",
    "Norway",
    "Turkey",
  ],
  sentences: [
    "This book explores the {topic} of {place} through the eyes of a {adj} {noun}.",
    "A {adj} account of {topic} that readers of every age will enjoy.",
    "Drawing on archives and interviews, the author follows the {noun} across {place}.",
    "An accessible introduction to {topic}, with maps, photographs and a glossary.",
    "The story of a {adj} {noun} and the people who shaped it during the {noun} years.",
    "Written for students and curious readers, it explains {topic} step by step.",
    "From the streets of {place} to the {noun}, a {adj} tale of courage and change.",
    "Each chapter ends with questions for discussion and ideas for further reading.",
  ],
};

const ES = {
  adjectives: [
    "silencioso",
    "escondido",
    "último",
    "dorado",
    "secreto",
    "pequeño",
    "salvaje",
    "olvidado",
    "brillante",
    "lejano",
    "antiguo",
    "moderno",
    "valiente",
    "tranquilo",
    "eterno",
  ],
  nouns: [
    "río",
    "jardín",
    "imperio",
    "reino",
    "océano",
    "montaña",
    "puerto",
    "biblioteca",
    "bosque",
    "ciudad",
    "isla",
    "viaje",
    "invierno",
    "verano",
    "corazón",
    "canción",
    "árbol",
    "camino",
    "casa",
    "maestro",
  ],
  topics: [
    "historia",
    "filosofía",
    "economía",
    "matemáticas",
    "cocina",
    "astronomía",
    "poesía",
    "arquitectura",
    "medicina",
    "psicología",
    "educación",
    "música",
    "geografía",
    "biología",
    "democracia",
  ],
  places: [
    "España",
    "México",
    "Perú",
    "Argentina",
    "Colombia",
    "Chile",
    "Cuba",
    "Bolivia",
    "Ecuador",
    "Uruguay",
  ],
  sentences: [
    "Este libro explora la {topic} de {place} a través de un {noun} {adj}.",
    "Una introducción accesible a la {topic}, con mapas, fotografías y un glosario.",
    "La historia de un {noun} {adj} y de las personas que lo cambiaron.",
    "Escrito para estudiantes y lectores curiosos, explica la {topic} paso a paso.",
    "Desde las calles de {place} hasta el {noun}, un relato de valor y cambio.",
    "Cada capítulo termina con preguntas para el debate y lecturas recomendadas.",
  ],
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The curated words above lead each list (the most frequent ranks); faker's English nouns,
 * adjectives, countries and names, and its Spanish places, colours and nouns follow in a fixed
 * shuffled order, so that most words are rare as in a real catalog (~5,000 distinct words).
 */
function vocabulary() {
  const need = (list: readonly string[] | null | undefined, name: string): readonly string[] => {
    if (!list?.length) throw new Error(`@faker-js/faker has no ${name} list`);
    return list;
  };
  const shuffle = <T>(list: readonly T[], seed: number): T[] => {
    const r = rng(seed);
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const unique = (lists: readonly string[][]) => [...new Set(lists.flat())];
  const english = {
    ...EN,
    adjectives: unique([
      EN.adjectives,
      shuffle(need(en?.word?.adjective, "en.word.adjective"), 1).map(capitalize),
    ]),
    nouns: unique([EN.nouns, shuffle(need(en?.word?.noun, "en.word.noun"), 2).map(capitalize)]),
    topics: unique([EN.topics, shuffle(need(en?.word?.noun, "en.word.noun"), 3).map(capitalize)]),
    places: unique([EN.places, shuffle(need(en?.location?.country, "en.location.country"), 4)]),
  };
  const spanish = {
    ...ES,
    adjectives: unique([
      ES.adjectives,
      shuffle(
        [
          ...need(es?.company?.adjective, "es.company.adjective"),
          ...need(es?.color?.human, "es.color.human"),
        ],
        5,
      ),
    ]),
    nouns: unique([
      ES.nouns,
      shuffle(
        [
          ...need(es?.company?.noun, "es.company.noun"),
          ...need(es?.commerce?.product_name?.product, "es.commerce.product_name.product"),
        ],
        6,
      ),
    ]),
    topics: unique([ES.topics, shuffle(need(es?.commerce?.department, "es.commerce.department"), 7)]),
    places: unique([
      ES.places,
      shuffle(
        [
          ...need(es?.location?.country, "es.location.country"),
          ...need(es?.location?.city_name, "es.location.city_name"),
        ],
        8,
      ),
    ]),
  };
  const first = unique([
    FIRST,
    shuffle(need(en?.person?.first_name?.generic, "en.person.first_name.generic"), 9),
    shuffle(need(es?.person?.first_name?.female, "es.person.first_name.female"), 10),
  ]);
  const last = unique([
    LAST,
    shuffle(need(en?.person?.last_name?.generic, "en.person.last_name.generic"), 11),
    shuffle(need(es?.person?.last_name?.generic, "es.person.last_name.generic"), 12),
  ]);
  return { english, spanish, first, last };
}

const FIRST = [
  "James",
  "Mary",
  "Ana",
  "Luis",
  "Sofia",
  "Chen",
  "Amara",
  "Olivia",
  "Diego",
  "Hannah",
  "Kenji",
  "Fatima",
  "Pablo",
  "Elena",
  "Noah",
  "Isabel",
  "Marta",
  "Ravi",
  "Grace",
  "Tomas",
  "Lucia",
  "Omar",
  "Clara",
  "Jorge",
  "Emma",
  "Carmen",
  "Samuel",
  "Ingrid",
  "Mateo",
  "Aisha",
];
const LAST = [
  "Smith",
  "García",
  "Martínez",
  "Johnson",
  "Okafor",
  "Nakamura",
  "Rossi",
  "Müller",
  "Fernández",
  "Brown",
  "López",
  "Silva",
  "Kowalski",
  "Novak",
  "Haddad",
  "Kim",
  "Patel",
  "Wilson",
  "Moreau",
  "Santos",
  "Ortega",
  "Lindqvist",
  "Dubois",
  "Romero",
  "Walker",
  "Castillo",
  "Ibáñez",
  "Petrov",
  "Mendoza",
  "Hughes",
];
const ROLES = ["author", "author", "author", "editor", "illustrator", "translator"] as const;
const FORMATS = ["ebook", "paperback", "hardcover", "audiobook"] as const;

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type Words = ReturnType<typeof vocabulary>["english"];

function fill(template: string, words: Words, r: Rng): string {
  return template
    .replace(/\{topic\}/g, () => r.zipf(words.topics).toLowerCase())
    .replace(/\{place\}/g, () => r.zipf(words.places))
    .replace(/\{adj\}/g, () => r.zipf(words.adjectives).toLowerCase())
    .replace(/\{noun\}/g, () => r.zipf(words.nouns).toLowerCase());
}

function title(spanish: boolean, words: Words, r: Rng): string {
  const w = words;
  if (spanish) {
    const forms = [
      () => `El ${r.zipf(w.nouns)} ${r.zipf(w.adjectives)}`,
      () => `La ${r.zipf(w.topics)} de ${r.zipf(w.places)}`,
      () => `${r.pick(["Historias", "Cuentos", "Memorias", "Crónicas", "Leyendas"])} del ${r.zipf(w.nouns)}`,
      () => `Un ${r.zipf(w.nouns)} para ${r.zipf(w.places)}`,
    ];
    return capitalize(r.pick(forms)());
  }
  const forms = [
    () => `The ${r.zipf(w.adjectives)} ${r.zipf(w.nouns)}`,
    () => `A ${r.zipf(w.topics)} of ${r.zipf(w.places)}`,
    () => `${r.zipf(w.topics)} for Beginners`,
    () => `The ${r.zipf(w.nouns)} of ${r.zipf(w.places)}`,
    () => `${r.zipf(w.adjectives)} ${r.zipf(w.nouns)}: ${r.zipf(w.topics)} and the ${r.zipf(w.nouns)}`,
    () => `Letters from the ${r.zipf(w.adjectives)} ${r.zipf(w.nouns)}`,
  ];
  return r.pick(forms)();
}

function progress(done: number, total: number, started: number) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor((done / total) * 100)}% ${done}/${total} books ${secs}s`,
  );
}

/** INSERT ... VALUES (...), (...) with numbered parameters; returns the statement and its values. */
function valuesSql(rows: unknown[][], casts: string[] = []): { placeholders: string; params: unknown[] } {
  const params: unknown[] = [];
  const placeholders = rows
    .map((row) => `(${row.map((v, k) => (params.push(v), `$${params.length}${casts[k] ?? ""}`)).join(", ")})`)
    .join(", ");
  return { placeholders, params };
}

async function insertMany(
  db: PrismaClient,
  head: string,
  rows: unknown[][],
  { tail = "", casts = [] }: { tail?: string; casts?: string[] } = {},
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const { placeholders, params } = valuesSql(rows, casts);
  return db.$queryRawUnsafe(`${head} VALUES ${placeholders} ${tail}`, ...params);
}

async function main() {
  const { values } = parseArgs({
    options: {
      books: { type: "string", default: "100000" },
      append: { type: "boolean", default: false },
      seed: { type: "string", default: "42" },
    },
  });
  const total = Number(values.books);
  if (!Number.isInteger(total) || total < 1 || total > 2_000_000)
    throw new Error("--books must be 1..2000000");
  const r = rng(Number(values.seed));
  const words = vocabulary();
  const database = await openDatabase(process.env.DATABASE_URL);
  const db = database.prisma;
  const started = Date.now();
  try {
    const catalog = await readSeedCatalog();
    await db.$transaction((tx) => seedCatalog(tx, catalog), { timeout: 60_000 });
    const seedBooks = 1 + catalog.related.length;
    const existing = await db.book.count();
    if (existing > seedBooks && !values.append) {
      console.error(
        `The database already holds ${existing} books (the seed has ${seedBooks}): refusing to add more. Use --append to add anyway.`,
      );
      process.exitCode = 1;
      return;
    }
    const run = `s${values.seed}-${existing}`;
    const categories = await db.category.findMany({ select: { id: true } });
    const categoryIds = categories.map((c) => c.id);

    const contributorCount = Math.max(10, Math.floor(total / 4));
    const contributorIds: number[] = [];
    for (let i = 0; i < contributorCount; i += BATCH) {
      const rows: unknown[][] = [];
      for (let j = i; j < Math.min(contributorCount, i + BATCH); j++) {
        const first = r.zipf(words.first);
        const last = r.zipf(words.last);
        rows.push([
          `synth-${run}-c${j}-${slugify(`${first} ${last}`)}`,
          `${first} ${last}`,
          `${last}, ${first}`,
        ]);
      }
      const ids = (await insertMany(
        db,
        `INSERT INTO "Contributor" ("slug", "name", "sortName", "updatedAt")`,
        rows.map((row) => [...row, new Date()]),
        { tail: `RETURNING "id"`, casts: ["", "", "", "::timestamp"] },
      )) as { id: number }[];
      contributorIds.push(...ids.map((x) => x.id));
    }

    const seriesCount = Math.max(5, Math.floor(total / 40));
    const series: { id: number; name: string }[] = [];
    for (let i = 0; i < seriesCount; i += BATCH) {
      const rows: unknown[][] = [];
      for (let j = i; j < Math.min(seriesCount, i + BATCH); j++) {
        const name = `${r.zipf(words.english.adjectives)} ${r.zipf(words.english.nouns)} Series ${j + 1}`;
        rows.push([`synth-${run}-s${j}-${slugify(name)}`, name, new Date()]);
      }
      series.push(
        ...((await insertMany(db, `INSERT INTO "Series" ("slug", "name", "updatedAt")`, rows, {
          tail: `RETURNING "id", "name"`,
          casts: ["", "", "::timestamp"],
        })) as { id: number; name: string }[]),
      );
    }

    // The vectors are computed on insert and once more by the set-based name update; the
    // per-row name and active-edition triggers would cost ~20x on the link inserts.
    await db.$executeRawUnsafe(`ALTER TABLE "BookContributor" DISABLE TRIGGER "BookContributor_names_trg"`);
    await db.$executeRawUnsafe(`ALTER TABLE "BookCategory" DISABLE TRIGGER "BookCategory_names_trg"`);
    await db.$executeRawUnsafe(`ALTER TABLE "Book" DISABLE TRIGGER "Book_series_name_trg"`);
    await db.$executeRawUnsafe(`ALTER TABLE "Edition" DISABLE TRIGGER "Edition_min_price_trg"`);
    // The vocabulary is rebuilt once at the end (refreshSearchVocabulary) rather than per batch.
    await db.$executeRawUnsafe(`ALTER TABLE "Book" DISABLE TRIGGER "Book_search_words_insert_trg"`);
    await db.$executeRawUnsafe(`ALTER TABLE "Book" DISABLE TRIGGER "Book_search_words_update_trg"`);
    try {
      for (let i = 0; i < total; i += BATCH) {
        const books: unknown[][] = [];
        for (let j = i; j < Math.min(total, i + BATCH); j++) {
          const lang = r.next();
          const spanish = lang < 0.3;
          const languages = spanish ? (lang < 0.1 ? ["es", "en"] : ["es"]) : ["en"];
          const lexicon = spanish ? words.spanish : words.english;
          const t = title(spanish, lexicon, r);
          const description = Array.from({ length: r.int(2, 4) }, () =>
            fill(r.pick(lexicon.sentences), lexicon, r),
          ).join(" ");
          const s = r.next() < 0.25 ? r.pick(series) : null;
          const ratingCount = r.next() < 0.6 ? r.int(1, 400) : 0;
          const ratingSum = ratingCount ? r.int(ratingCount, ratingCount * 5) : 0;
          const status = r.next() < 0.02 ? (r.next() < 0.5 ? "draft" : "hidden") : "published";
          const published = new Date(Date.UTC(1990 + r.int(0, 35), r.int(0, 11), r.int(1, 28)));
          books.push([
            `synth-${run}-${j}-${slugify(t)}`.slice(0, 180),
            t,
            r.next() < 0.4 ? fill(r.pick(lexicon.sentences), lexicon, r).replace(/\.$/, "") : null,
            description,
            languages,
            status,
            ratingCount,
            ratingSum,
            ratingCount ? (ratingSum / ratingCount).toFixed(2) : "0",
            s?.id ?? null,
            s?.name ?? "",
            s ? r.int(1, 12) : null,
            status === "published" ? published : null,
            new Date(),
          ]);
        }
        const inserted = (await insertMany(
          db,
          `INSERT INTO "Book" ("slug", "title", "subtitle", "description", "languages", "status", "ratingCount",
             "ratingSum", "ratingAverage", "seriesId", "seriesName", "seriesPosition", "publishedAt", "updatedAt")`,
          books,
          {
            tail: `RETURNING "id"`,
            casts: [
              "",
              "",
              "",
              "",
              "::text[]",
              '::"BookStatus"',
              "::int",
              "::int",
              "::numeric",
              "::int",
              "",
              "::int",
              "::timestamp",
              "::timestamp",
            ],
          },
        )) as { id: number }[];
        const ids = inserted.map((x) => x.id);

        const editions: unknown[][] = [];
        const credits: unknown[][] = [];
        const shelves: unknown[][] = [];
        for (const id of ids) {
          const formats = [...FORMATS].sort(() => r.next() - 0.5).slice(0, r.int(1, 3));
          formats.forEach((format, position) => {
            const ebook = format === "ebook";
            editions.push([
              id,
              format,
              r.pick([499, 799, 999, 1299, 1499, 1999, 2499, 2999, 3999]),
              r.next() < 0.95 ? "in_stock" : "out_of_stock",
              r.int(48, 900),
              ebook ? r.int(300, 9000) : null,
              ebook ? r.next() < 0.8 : null,
              ebook ? r.next() < 0.7 : null,
              position,
              new Date(),
            ]);
          });
          const people = new Set<number>();
          const n = r.int(1, 3);
          for (let k = 0; k < n; k++) people.add(r.pick(contributorIds));
          [...people].forEach((cid, position) =>
            credits.push([id, cid, position === 0 ? "author" : r.pick(ROLES), position]),
          );
          const cats = new Set<number>();
          const m = r.int(1, 3);
          for (let k = 0; k < m; k++) cats.add(r.pick(categoryIds));
          [...cats].forEach((cid, position) => shelves.push([id, cid, position]));
        }
        await insertMany(
          db,
          `INSERT INTO "Edition" ("bookId", "format", "priceCents", "availability", "pageCount", "fileSizeKb",
             "textToSpeech", "screenReader", "position", "updatedAt")`,
          editions,
          {
            casts: [
              "::int",
              '::"EditionFormat"',
              "::int",
              '::"Availability"',
              "::int",
              "::int",
              "::boolean",
              "::boolean",
              "::int",
              "::timestamp",
            ],
          },
        );
        await insertMany(
          db,
          `INSERT INTO "BookContributor" ("bookId", "contributorId", "role", "position")`,
          credits,
          {
            casts: ["::int", "::int", '::"ContributorRole"', "::int"],
          },
        );
        await insertMany(db, `INSERT INTO "BookCategory" ("bookId", "categoryId", "position")`, shelves, {
          casts: ["::int", "::int", "::int"],
        });
        await db.$executeRawUnsafe(
          `UPDATE "Book" b SET
             "contributorNames" = coalesce((SELECT string_agg(c."name", ' ' ORDER BY c."name")
               FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId" WHERE bc."bookId" = b."id"), ''),
             "categoryNames" = coalesce((SELECT string_agg(c."name", ' ' ORDER BY bc."position", c."name")
               FROM "BookCategory" bc JOIN "Category" c ON c."id" = bc."categoryId" WHERE bc."bookId" = b."id"), ''),
             "categoryIds" = ARRAY(SELECT bc."categoryId" FROM "BookCategory" bc
               WHERE bc."bookId" = b."id" ORDER BY bc."position", bc."categoryId")
           WHERE b."id" = ANY ($1::int[])`,
          ids,
        );
        // What the disabled Edition trigger would have kept, set-based (migration 20261203090000).
        await db.$executeRawUnsafe(`SELECT bookstore_refresh_min_price($1::int[])`, ids);
        // PGlite has no autovacuum: keep the planner's statistics current as the tables grow, and
        // checkpoint regularly rather than once the write-ahead log reaches max_wal_size.
        if ((i / BATCH) % 10 === 9) {
          await db.$executeRawUnsafe(`ANALYZE "Book", "BookContributor", "BookCategory", "Edition"`);
          await db.$executeRawUnsafe(`CHECKPOINT`);
        }
        progress(Math.min(total, i + BATCH), total, started);
      }
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "BookContributor" ENABLE TRIGGER "BookContributor_names_trg"`);
      await db.$executeRawUnsafe(`ALTER TABLE "BookCategory" ENABLE TRIGGER "BookCategory_names_trg"`);
      await db.$executeRawUnsafe(`ALTER TABLE "Book" ENABLE TRIGGER "Book_series_name_trg"`);
      await db.$executeRawUnsafe(`ALTER TABLE "Edition" ENABLE TRIGGER "Edition_min_price_trg"`);
      await db.$executeRawUnsafe(`ALTER TABLE "Book" ENABLE TRIGGER "Book_search_words_insert_trg"`);
      await db.$executeRawUnsafe(`ALTER TABLE "Book" ENABLE TRIGGER "Book_search_words_update_trg"`);
    }
    process.stderr.write("\n");
    await refreshSearchVocabulary(db);
    // Each book row was written three times (inserted, then its names and its cheapest price set
    // per batch), so the table is about twice its live size (208 MB for 105 MB of rows at 100k);
    // a common word's search window is a sequential scan that would read the dead space too.
    await db.$executeRawUnsafe(`VACUUM FULL "Book"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE`);
    const searchWords = await db.searchWord.count();
    console.log(
      `[${database.kind}] seed:large: ${total} books, ${contributorCount} contributors, ${seriesCount} series, ${searchWords} search words in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error("\nseed:large failed:", error);
  process.exit(1);
});
