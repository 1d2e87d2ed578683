// Canonical URLs for catalog lists. A list's canonical is itself when it is a list worth indexing
// (a category, a language, a format, and their pages); re-sorted, re-sized and narrowly filtered
// variants duplicate that list and point to it instead.
import { browseSearchParams, type BrowseQuery } from "@/lib/catalog/browse/service";

export function listCanonicalPath(basePath: string, query: BrowseQuery): string {
  const refined =
    query.sort !== "newest" ||
    query.pageSize !== 24 ||
    query.features.length > 0 ||
    query.minPriceMinor !== undefined ||
    query.maxPriceMinor !== undefined ||
    query.minRating !== undefined;
  const page = refined ? 1 : query.page;
  // /books?category=x lists exactly what the category page lists.
  if (basePath === "/books" && query.category && !query.language && !query.format) {
    return listCanonicalPath(`/categories/${query.category}`, {
      ...query,
      category: undefined,
      page,
      sort: "newest",
      pageSize: 24,
      features: [],
      minPriceMinor: undefined,
      maxPriceMinor: undefined,
      minRating: undefined,
    });
  }
  const search = browseSearchParams({
    category: basePath === "/books" ? query.category : undefined,
    language: query.language,
    format: query.format,
    page,
  }).toString();
  return search ? `${basePath}?${search}` : basePath;
}
