// Categories, series and contributors as pages and the API read them, cached under the taxonomy
// and list tags (lib/cache-tags). They change through listing saves (lib/catalog/listings).
import "server-only";
import { cache } from "react";
import { CACHE_TAGS } from "@/lib/cache-tags";
import { cachedRead } from "../shared/cached-read";
import * as taxonomy from "./queries";

export type { CategoryTreeNode, CategoryView, ContributorView, SeriesView } from "./queries";

const TAXONOMY_TAGS = [CACHE_TAGS.taxonomy, CACHE_TAGS.bookLists];

export const findCategory = cache((slug: string) =>
  cachedRead(["category", slug], [CACHE_TAGS.taxonomy], (db) => taxonomy.loadCategory(db, slug)),
);

export const listCategories = cache(() =>
  cachedRead(["categories"], TAXONOMY_TAGS, (db) => taxonomy.loadCategories(db)),
);

export const categoryTree = cache(() =>
  cachedRead(["categories:tree"], TAXONOMY_TAGS, (db) => taxonomy.loadCategoryTree(db)),
);

export const findSeries = cache((slug: string) =>
  cachedRead(["series", slug], TAXONOMY_TAGS, (db) => taxonomy.loadSeries(db, slug)),
);

export const findContributor = cache((slug: string) =>
  cachedRead(["contributor", slug], TAXONOMY_TAGS, (db) => taxonomy.loadContributor(db, slug)),
);
