import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { BookCard } from "@/components/ui/book-card";
import { SearchSnippet } from "@/components/ui/search-snippet";
import {
  EDITION_FORMATS,
  listCategories,
  parseSearchParams,
  READING_FEATURE_LABELS,
  SEARCH_SORT_LABELS,
  SEARCH_SORTS,
  SEARCH_TEXT_MESSAGES,
  searchBooks,
  searchFacets,
  searchHref,
  type ReadingFeature,
  type SearchQuery,
} from "@/lib/catalog";
import { languageName, titleLang } from "@/lib/site";
import { FacetGroup, FacetLink, Pagination } from "../_components/browse-view";
import browse from "../_components/browse-view.module.css";
import styles from "./search.module.css";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query, textProblem } = parseSearchParams(await searchParams);
  return {
    title: textProblem ? "Search" : `Search: ${query.q}`,
    description: "Search the store's books by title, author, series, subject and description.",
    // Result pages are thin and infinite: never indexed, but their links are followed.
    robots: { index: false, follow: true },
  };
}

function SearchForm({ q }: { q: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label="Search again" className={styles.form}>
      <label htmlFor="search-page-q">Search books</label>
      <input id="search-page-q" name="q" type="search" defaultValue={q} maxLength={200} />
      <button type="submit">Search</button>
    </form>
  );
}

async function PopularCategories() {
  const categories = (await listCategories())
    .filter((c) => c.bookCount > 0)
    .sort((a, b) => b.bookCount - a.bookCount || a.name.localeCompare(b.name))
    .slice(0, 8);
  if (categories.length === 0) return null;
  return (
    <section aria-labelledby="popular-categories">
      <h2 id="popular-categories">Popular categories</h2>
      <ul className={styles.categories}>
        {categories.map((c) => (
          <li key={c.slug}>
            <Link href={`/categories/${c.slug}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DidYouMean({ query, suggestion }: { query: SearchQuery; suggestion: string }) {
  return (
    <p className={styles.didYouMean}>
      Did you mean <Link href={searchHref(query, { q: suggestion })}>{suggestion}</Link>?
    </p>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const { query, problems, textProblem } = parseSearchParams(await searchParams);
  const crumbs = <Breadcrumbs items={[{ name: "Home", href: "/" }, { name: "Search" }]} />;
  if (textProblem) {
    return (
      <div className="container">
        {crumbs}
        <h1 className="browse-title">Search</h1>
        <p className={styles.message} role={textProblem === "too_long" ? "alert" : undefined}>
          {SEARCH_TEXT_MESSAGES[textProblem]}
        </p>
        <SearchForm q="" />
        <p>
          Or <Link href="/books">browse all books</Link>.
        </p>
        <PopularCategories />
      </div>
    );
  }

  const [result, facets] = await Promise.all([searchBooks(query), searchFacets(query)]);
  const href = (changes: Partial<SearchQuery>) => searchHref(query, changes);
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  const ignored = [...new Set(problems.map((p) => p.param))].sort();

  return (
    <div className="container">
      {crumbs}
      <h1 className="browse-title">Results for “{query.q}”</h1>
      {result.suggestion ? <DidYouMean query={query} suggestion={result.suggestion} /> : null}
      <div className={browse.layout}>
        <aside className={browse.filters} aria-label="Filters">
          {facets.categories.length > 0 ? (
            <FacetGroup title="Category">
              {facets.categories.map((c) => (
                <FacetLink
                  key={c.value}
                  href={href({ category: query.category === c.value ? undefined : c.value })}
                  active={query.category === c.value}
                  label={c.name}
                  count={c.count}
                />
              ))}
            </FacetGroup>
          ) : null}
          {facets.languages.length > 0 ? (
            <FacetGroup title="Language">
              {facets.languages.map((l) => (
                <FacetLink
                  key={l.value}
                  href={href({ language: query.language === l.value ? undefined : l.value })}
                  active={query.language === l.value}
                  label={languageName(l.value)}
                  count={l.count}
                />
              ))}
            </FacetGroup>
          ) : null}
          {facets.formats.length > 0 ? (
            <FacetGroup title="Format">
              {facets.formats.map((f) => (
                <FacetLink
                  key={f.value}
                  href={href({ format: query.format === f.value ? undefined : f.value })}
                  active={query.format === f.value}
                  label={EDITION_FORMATS[f.value].label}
                  count={f.count}
                />
              ))}
            </FacetGroup>
          ) : null}
          {facets.features.length > 0 ? (
            <FacetGroup title="Reading features">
              {facets.features.map((f) => {
                const on = query.features.includes(f.value);
                const features: ReadingFeature[] = on
                  ? query.features.filter((x) => x !== f.value)
                  : [...query.features, f.value];
                return (
                  <FacetLink
                    key={f.value}
                    href={href({ features })}
                    active={on}
                    label={READING_FEATURE_LABELS[f.value]}
                    count={f.count}
                  />
                );
              })}
            </FacetGroup>
          ) : null}
          {facets.ratings.length > 0 ? (
            <FacetGroup title="Customer rating">
              {facets.ratings.map((r) => (
                <FacetLink
                  key={r.value}
                  href={href({
                    minRating: query.minRating === Number(r.value) ? undefined : Number(r.value),
                  })}
                  active={query.minRating === Number(r.value)}
                  label={`${r.value} stars & up`}
                  count={r.count}
                />
              ))}
            </FacetGroup>
          ) : null}
        </aside>

        <div className={browse.results}>
          {ignored.length > 0 ? (
            <p className={browse.notice} role="status">
              Some parts of this address were not understood and were ignored: {ignored.join(", ")}.
            </p>
          ) : null}
          <div className={browse.toolbar}>
            <p className={browse.summary}>
              {result.total === 0
                ? "No books match"
                : `Showing ${first}–${last} of ${result.total.toLocaleString("en-US")}${result.totalIsCapped ? "+" : ""} ${result.total === 1 ? "book" : "books"}`}
            </p>
            <nav aria-label="Sort" className={browse.sorts}>
              <span className={browse.sortLabel}>Sort:</span>
              <ul>
                {SEARCH_SORTS.map((sort) => (
                  <li key={sort}>
                    {query.sort === sort ? (
                      <span aria-current="true" className={browse.sortActive}>
                        {SEARCH_SORT_LABELS[sort]}
                      </span>
                    ) : (
                      <Link href={href({ sort, page: 1 })}>{SEARCH_SORT_LABELS[sort]}</Link>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>

          {result.hits.length > 0 ? (
            <ul className={styles.hits} aria-label="Books">
              {result.hits.map(({ book, snippet }) => (
                <li key={book.id} className={styles.hit}>
                  <BookCard book={book} headingLevel={2} />
                  <div className={styles.snippet}>
                    <SearchSnippet snippet={snippet} lang={titleLang(book.languages)} />
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <div className={browse.empty}>
              <p>
                We found no books for “{query.q}”{result.total > 0 ? " on this page" : ""}.
              </p>
              {result.suggestion ? <DidYouMean query={query} suggestion={result.suggestion} /> : null}
              <p>Try fewer or different words, or check the spelling.</p>
              <SearchForm q={query.q} />
              <p>
                <Link href="/books">Browse all books</Link>
              </p>
              <PopularCategories />
            </div>
          )}

          {result.totalIsCapped && result.page === result.pageCount ? (
            <p className={browse.notice}>
              Searches show the first {result.total.toLocaleString("en-US")} matching books. Add a word or a
              filter to see others.
            </p>
          ) : null}
          <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page })} />
        </div>
      </div>
    </div>
  );
}
