// The catalog's own shapes. Pages, the admin and the API see these, never Prisma rows.
import type { CoverRef } from "@/lib/covers/urls";
import type { Availability, BookStatus, ContributorRole, EditionFormat } from "@/lib/generated/prisma/enums";

export type { Availability, BookStatus, ContributorRole, EditionFormat };
export type { CoverRef };

export interface Money {
  amountMinor: number;
  currency: string;
}

export interface ContributorCredit {
  slug: string;
  name: string;
  role: ContributorRole;
  roleLabel: string;
  onixRole: string;
  note: string | null;
}

export interface ReadingFeatures {
  textToSpeech: boolean | null;
  screenReader: boolean | null;
  enhancedTypesetting: boolean | null;
  wordWise: boolean | null;
}

export interface EditionView {
  id: number;
  format: EditionFormat;
  formatName: string;
  formatIsPlaceholder: boolean;
  editionLabel: string | null;
  isbn13: string | null;
  price: Money;
  availability: Availability;
  publisher: string | null;
  publicationDate: string | null;
  pageCount: number | null;
  fileSizeKb: number | null;
  readingFeatures: ReadingFeatures;
}

export interface CategoryRef {
  slug: string;
  name: string;
}

export interface SeriesRef {
  slug: string;
  name: string;
  position: number | null;
}

export interface RatingSummary {
  count: number;
  average: number;
}

export interface BookSummary {
  id: number;
  slug: string;
  title: string;
  subtitle: string | null;
  teaser: string | null;
  languages: string[];
  featured: boolean;
  contributors: ContributorCredit[];
  categories: CategoryRef[];
  /** The cheapest edition's price: "from $9.99". */
  fromPrice: Money | null;
  primaryFormatName: string | null;
  listingRating: string | null;
  rating: RatingSummary;
  /** ISO timestamps: these shapes cross the data cache, which stores JSON. */
  updatedAt: string;
  /** The uploaded cover (lib/covers/urls.ts); null: pages show the generated one. */
  cover: CoverRef | null;
}

export interface BookDetail extends BookSummary {
  description: string | null;
  status: BookStatus;
  version: number;
  series: SeriesRef | null;
  editions: EditionView[];
  articles: { slug: string; title: string }[];
  publishedAt: string | null;
  createdAt: string;
}

export interface ArticleBlock {
  type: "heading" | "paragraph";
  text: string;
}

export interface ArticleView {
  slug: string;
  title: string;
  excerpt: string | null;
  blocks: ArticleBlock[];
  book: BookSummary | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ArticleSummary {
  slug: string;
  title: string;
  excerpt: string | null;
  publishedAt: string | null;
  updatedAt: string;
}
