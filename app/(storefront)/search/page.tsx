import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { BookCard } from "@/components/ui/book-card";
import { SearchSnippet } from "@/components/ui/search-snippet";
import {
  parseSearchParams,
  SEARCH_SORT_LABELS,
  SEARCH_SORTS,
  SEARCH_TEXT_MESSAGES,
  searchBooks,
  searchFacets,
  searchHref,
  searchParamsOf,
  type SearchQuery,
} from "@/lib/catalog/search/service";
import { listCategories } from "@/lib/catalog/taxonomy/service";
import { titleLang } from "@/lib/site";
import { ListFrame, type ListFilters } from "../_components/browse-view";
import browse from "../_components/browse-view.module.css";
import shell from "../_components/storefront-shell.module.css";
import styles from "./search.module.css";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const dynamic = "force-dynamic";

/** "Clear all" keeps the words and the sort, and drops every filter. */
const CLEARED_FILTERS: Partial<ListFilters> = {
  category: undefined,
  language: undefined,
  format: undefined,
  features: [],
  minRating: undefined,
  minPriceMinor: undefined,
  maxPriceMinor: undefined,
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query, textProblem } = parseSearchParams(await searchParams);
  return {
    title: textProblem ? "Search" : `Search: ${query.q}`,
    description: "Search the store's books by title, author, series, subject and description.",
    // Result pages are thin and infinite: never indexed, but their links are followed.
    robots: { index: false, follow: true },
  };
}

/** The header's search box, as it looks there (a plain GET form: the header's has the suggestions). */
function SearchForm({ q, label }: { q: string; label: string }) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className={`${shell.search} ${styles.form}`}
    >
      <label htmlFor="search-page-q" className="visually-hidden">
        Search books
      </label>
      <input
        id="search-page-q"
        name="q"
        type="search"
        defaultValue={q}
        maxLength={200}
        placeholder="Search titles, authors, subjects"
        className={shell.searchInput}
      />
      <button type="submit" className={shell.searchButton}>
        Search
      </button>
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
        <li>
          <Link href="/categories">
            <strong>All categories</strong>
          </Link>
        </li>
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
        <SearchForm q="" label="Search the store" />
        <p>
          Or <Link href="/books">browse all books</Link>.
        </p>
        <PopularCategories />
      </div>
    );
  }

  const [result, facets] = await Promise.all([searchBooks(query), searchFacets(query)]);
  const priceParams = searchParamsOf({
    ...query,
    minPriceMinor: undefined,
    maxPriceMinor: undefined,
    page: 1,
  });

  return (
    <div className="container">
      {crumbs}
      <h1 className="browse-title">Results for “{query.q}”</h1>
      {result.suggestion ? <DidYouMean query={query} suggestion={result.suggestion} /> : null}
      <ListFrame
        query={query}
        facets={facets}
        href={(changes) => searchHref(query, changes)}
        priceForm={{ action: "/search", params: priceParams }}
        clearHref={searchHref(query, CLEARED_FILTERS)}
        ignoredParams={[...new Set(problems.map((p) => p.param))].sort()}
        list={result}
        sorts={SEARCH_SORTS}
        sortLabels={SEARCH_SORT_LABELS}
      >
        {result.hits.length > 0 ? (
          <ul className={styles.hits} aria-label="Books">
            {result.hits.map(({ book, snippet, markedTitle, markedNames }) => (
              <li key={book.id} className={styles.hit}>
                <BookCard book={book} headingLevel={2} markedTitle={markedTitle} markedNames={markedNames} />
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
            <SearchForm q={query.q} label="Search again" />
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
      </ListFrame>
    </div>
  );
}
