// The seed catalog: parsed with zod from prisma/seed/catalog.json (structured from the original
// listing page) and written insert-only. A record that exists, or a book whose slug an admin has
// since changed (SlugRedirect), or a book still under a slug the seed once gave it (formerSlugs),
// is never touched, so the seed is safe on every start.
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import type { ContributorRole, EditionFormat } from "@/lib/generated/prisma/enums";
import { normalizeIsbn13 } from "../shared/isbn";
import { isValidSlug, slugify } from "../shared/slug";
import { CONTRIBUTOR_ROLES, parseFormatName } from "../shared/vocabulary";

const slug = z.string().refine(isValidSlug, "not a valid slug");
const roleWords: Record<string, ContributorRole> = {
  author: "author",
  "original-author": "original_author",
  translator: "translator",
  illustrator: "illustrator",
  editor: "editor",
};
const formatName = z.string().transform((value, ctx) => {
  const format = parseFormatName(value);
  if (!format) {
    ctx.addIssue({ code: "custom", message: `unknown format "${value}"` });
    return z.NEVER;
  }
  return { format, label: value === "Kindle Edition" ? value : null } satisfies {
    format: EditionFormat;
    label: string | null;
  };
});
const isbn = z
  .string()
  .nullable()
  .transform((value, ctx) => {
    if (value === null) return null;
    const normalized = normalizeIsbn13(value);
    if (!normalized) ctx.addIssue({ code: "custom", message: `invalid ISBN "${value}"` });
    return normalized;
  });
const contributor = z
  .object({
    name: z.string().min(1),
    role: z.string().transform((value, ctx) => {
      const role = roleWords[value];
      if (!role) {
        ctx.addIssue({ code: "custom", message: `unknown role "${value}"` });
        return z.NEVER;
      }
      return role;
    }),
    note: z.string().optional(),
    // The listing's ONIX list 17 code, when given, must be the code the role word is stored as:
    // the store keeps the role, and the ONIX export derives the code from it.
    onixRole: z.string().optional(),
  })
  .check((c) => {
    const expected = CONTRIBUTOR_ROLES[c.value.role].onixCode;
    if (c.value.onixRole !== undefined && c.value.onixRole !== expected) {
      c.issues.push({
        code: "custom",
        input: c.value.onixRole,
        path: ["onixRole"],
        message: `onixRole "${c.value.onixRole}" does not match role "${c.value.role}" (${expected})`,
      });
    }
  });
const languages = z.array(z.string().regex(/^[a-z]{2,3}$/, "a bare BCP 47 language code")).min(1);
const priceMinor = z.number().int().positive();

const seedCatalogSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  featured: z.object({
    slug,
    title: z.string().min(1),
    subtitle: z.string().nullable(),
    series: z.string().nullable(),
    edition: z.string().nullable(),
    format: formatName,
    contributors: z.array(contributor),
    priceMinor,
    categories: z.array(slug),
    ebook: z
      .object({
        fileSizeKB: z.number().int().positive(),
        textToSpeech: z.enum(["Enabled", "Not enabled"]),
        enhancedTypesetting: z.enum(["Enabled", "Not enabled"]),
        wordWise: z.enum(["Enabled", "Not enabled"]),
        screenReader: z.enum(["Supported", "Not supported"]),
        printLengthPages: z.number().int().positive(),
      })
      .nullable(),
    rating: z.object({ shown: z.string().regex(/^\d(\.\d)? out of 5$/) }).nullable(),
    description: z.array(z.string().min(1)).min(1),
    isbn13: isbn,
    publisher: z.string().nullable(),
    publicationDate: z.iso.date().nullable(),
    languages,
  }),
  editorial: z.object({
    slug,
    title: z.string().min(1),
    aboutProduct: slug,
    blocks: z.array(z.object({ type: z.enum(["heading", "paragraph"]), text: z.string().min(1) })).min(1),
  }),
  related: z.array(
    z.object({
      slug,
      /** Slugs this book was seeded under before a correction of its title: the same book. */
      formerSlugs: z.array(slug).optional(),
      title: z.string().min(1),
      subtitle: z.string().nullable(),
      categories: z.array(slug).min(1),
      teaser: z.string().min(1),
      priceMinor,
      format: formatName,
      contributors: z.array(contributor),
      isbn13: isbn,
      formatIsPlaceholder: z.boolean(),
      languages,
    }),
  ),
});

export type SeedCatalog = z.infer<typeof seedCatalogSchema>;

export function parseSeedCatalog(json: unknown): SeedCatalog {
  const parsed = seedCatalogSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Invalid seed catalog:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Display names and the tree for the seed's category slugs. */
export const SEED_CATEGORIES: Record<string, { name: string; parent?: string }> = {
  history: { name: "History" },
  "cold-war": { name: "Cold War", parent: "history" },
  china: { name: "China", parent: "history" },
  korea: { name: "Korea", parent: "history" },
  religion: { name: "Religion & Spirituality" },
  "pastoral-care": { name: "Pastoral Care", parent: "religion" },
  childrens: { name: "Children's Books" },
  wordbooks: { name: "Wordbooks", parent: "childrens" },
  phonics: { name: "Phonics", parent: "childrens" },
  geography: { name: "Geography" },
  food: { name: "Food & Cooking" },
  "language-learning": { name: "Language Learning" },
  communication: { name: "Communication" },
};

export interface SeedResult {
  books: number;
  editions: number;
  contributors: number;
  categories: number;
  series: number;
  articles: number;
}

interface BookSeed {
  slug: string;
  formerSlugs: string[];
  title: string;
  subtitle: string | null;
  description: string | null;
  teaser: string | null;
  languages: string[];
  featured: boolean;
  listingRating: string | null;
  seriesSlug: string | null;
  categories: string[];
  contributors: { name: string; role: ContributorRole; note?: string }[];
  edition: {
    format: EditionFormat;
    formatLabel: string | null;
    formatIsPlaceholder: boolean;
    editionLabel: string | null;
    isbn13: string | null;
    priceMinor: number;
    publisher: string | null;
    publicationDate: string | null;
    pageCount: number | null;
    fileSizeKb: number | null;
    textToSpeech: boolean | null;
    screenReader: boolean | null;
    enhancedTypesetting: boolean | null;
    wordWise: boolean | null;
  };
}

function booksOf(catalog: SeedCatalog): BookSeed[] {
  const f = catalog.featured;
  const featured: BookSeed = {
    slug: f.slug,
    formerSlugs: [],
    title: f.title,
    subtitle: f.subtitle,
    description: f.description.join("\n\n"),
    teaser: f.description[0] ?? null,
    languages: f.languages,
    featured: true,
    listingRating: f.rating?.shown ?? null,
    seriesSlug: f.series ? slugify(f.series) : null,
    categories: f.categories,
    contributors: f.contributors,
    edition: {
      format: f.format.format,
      formatLabel: f.format.label,
      formatIsPlaceholder: false,
      editionLabel: f.edition,
      isbn13: f.isbn13,
      priceMinor: f.priceMinor,
      publisher: f.publisher,
      publicationDate: f.publicationDate,
      pageCount: f.ebook?.printLengthPages ?? null,
      fileSizeKb: f.ebook?.fileSizeKB ?? null,
      textToSpeech: f.ebook ? f.ebook.textToSpeech === "Enabled" : null,
      screenReader: f.ebook ? f.ebook.screenReader === "Supported" : null,
      enhancedTypesetting: f.ebook ? f.ebook.enhancedTypesetting === "Enabled" : null,
      wordWise: f.ebook ? f.ebook.wordWise === "Enabled" : null,
    },
  };
  const related = catalog.related.map((r): BookSeed => ({
    slug: r.slug,
    formerSlugs: r.formerSlugs ?? [],
    title: r.title,
    subtitle: r.subtitle,
    description: r.teaser,
    teaser: r.teaser,
    languages: r.languages,
    featured: false,
    listingRating: null,
    seriesSlug: null,
    categories: r.categories,
    contributors: r.contributors,
    edition: {
      format: r.format.format,
      formatLabel: r.format.label,
      formatIsPlaceholder: r.formatIsPlaceholder,
      editionLabel: null,
      isbn13: r.isbn13,
      priceMinor: r.priceMinor,
      publisher: null,
      publicationDate: null,
      pageCount: null,
      fileSizeKb: null,
      textToSpeech: null,
      screenReader: null,
      enhancedTypesetting: null,
      wordWise: null,
    },
  }));
  return [featured, ...related];
}

/**
 * Inserts whatever of the seed catalog is missing. Runs in one transaction handle passed by the
 * caller, or on the client: either way every query goes through `db`.
 */
export async function seedCatalog(db: Db, catalog: SeedCatalog): Promise<SeedResult> {
  const created: SeedResult = {
    books: 0,
    editions: 0,
    contributors: 0,
    categories: 0,
    series: 0,
    articles: 0,
  };

  const categoryIds = new Map<string, number>();
  const categorySlugs = new Set(booksOf(catalog).flatMap((b) => b.categories));
  // Parents first, so children can point at them.
  const ordered = [...categorySlugs].flatMap((s) => {
    const parent = SEED_CATEGORIES[s]?.parent;
    return parent ? [parent, s] : [s];
  });
  for (const [position, categorySlug] of [...new Set(ordered)].entries()) {
    const info = SEED_CATEGORIES[categorySlug];
    const existing = await db.category.findUnique({ where: { slug: categorySlug }, select: { id: true } });
    if (existing) {
      categoryIds.set(categorySlug, existing.id);
      continue;
    }
    const parentId = info?.parent ? categoryIds.get(info.parent) : undefined;
    const category = await db.category.create({
      data: { slug: categorySlug, name: info?.name ?? categorySlug, parentId: parentId ?? null, position },
    });
    categoryIds.set(categorySlug, category.id);
    created.categories++;
  }

  const books = booksOf(catalog);
  const bookIds = new Map<string, number>();
  for (const book of books) {
    const known = [book.slug, ...book.formerSlugs];
    const taken =
      (await db.book.findFirst({ where: { slug: { in: known } }, select: { id: true } })) ??
      (await db.slugRedirect
        .findFirst({ where: { fromSlug: { in: known } }, select: { bookId: true } })
        .then((r) => (r ? { id: r.bookId } : null)));
    if (taken) {
      bookIds.set(book.slug, taken.id);
      continue;
    }

    let seriesId: number | null = null;
    if (book.seriesSlug && catalog.featured.series) {
      const series =
        (await db.series.findUnique({ where: { slug: book.seriesSlug } })) ??
        (created.series++,
        await db.series.create({ data: { slug: book.seriesSlug, name: catalog.featured.series } }));
      seriesId = series.id;
    }

    const contributorIds: number[] = [];
    for (const c of book.contributors) {
      const contributorSlug = slugify(c.name);
      const contributor =
        (await db.contributor.findUnique({ where: { slug: contributorSlug } })) ??
        (created.contributors++,
        await db.contributor.create({ data: { slug: contributorSlug, name: c.name } }));
      contributorIds.push(contributor.id);
    }

    const { publicationDate, ...edition } = book.edition;
    const row = await db.book.create({
      data: {
        slug: book.slug,
        title: book.title,
        subtitle: book.subtitle,
        description: book.description,
        teaser: book.teaser,
        languages: book.languages,
        featured: book.featured,
        listingRating: book.listingRating,
        listingRatingValue: book.listingRating ? Number(book.listingRating.split(" ")[0]) : null,
        seriesId,
        seriesPosition: null,
        status: "published",
        publishedAt: new Date(),
        categories: {
          create: book.categories.map((categorySlug, position) => ({
            categoryId: categoryIds.get(categorySlug)!,
            position,
          })),
        },
        contributors: {
          create: book.contributors.map((c, position) => ({
            contributorId: contributorIds[position]!,
            role: c.role,
            position,
            note: c.note ?? null,
          })),
        },
        editions: {
          create: [
            {
              ...edition,
              publicationDate: publicationDate ? new Date(publicationDate) : null,
              currency: catalog.currency,
            },
          ],
        },
      },
    });
    // Addresses the book had before its title was corrected answer with a redirect here too.
    if (book.formerSlugs.length) {
      await db.slugRedirect.createMany({
        data: book.formerSlugs.map((fromSlug) => ({ fromSlug, bookId: row.id })),
        skipDuplicates: true,
      });
    }
    bookIds.set(book.slug, row.id);
    created.books++;
    created.editions++;
  }

  const article = catalog.editorial;
  const articleExists = await db.article.findUnique({ where: { slug: article.slug }, select: { id: true } });
  if (!articleExists) {
    await db.article.create({
      data: {
        slug: article.slug,
        title: article.title,
        excerpt: article.blocks.find((b) => b.type === "paragraph")?.text ?? null,
        blocks: article.blocks,
        bookId: bookIds.get(article.aboutProduct) ?? null,
        status: "published",
        publishedAt: new Date(),
      },
    });
    created.articles++;
  }
  return created;
}
