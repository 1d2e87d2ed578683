import Link from "next/link";
import { BookCard } from "@/components/ui/book-card";
import {
  browseHref,
  browseSearchParams,
  countText,
  READING_FEATURE_LABELS,
  SORT_LABELS,
  SORTS,
  type BrowseFacets,
  type BrowseQuery,
  type BrowseResult,
  type ReadingFeature,
} from "@/lib/catalog/browse/service";
import { EDITION_FORMATS, formatMoney, toDecimalString } from "@/lib/catalog/shared";
import { languageName } from "@/lib/site";
import styles from "./browse-view.module.css";
import { plural } from "@/lib/plural";

/** The filters of a list's query: what /books, the category pages and /search share. */
export type ListFilters = Pick<
  BrowseQuery,
  "category" | "language" | "format" | "features" | "minRating" | "minPriceMinor" | "maxPriceMinor"
>;

interface FilterProps {
  query: ListFilters;
  facets: BrowseFacets;
  /** A link to the same list with these filters changed. */
  href: (changes: Partial<ListFilters>) => string;
  /** False where the page fixes the category itself (a category page). */
  categoryFacet?: boolean;
}

function FacetGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className={styles.facet} aria-label={title}>
      <h2 className={styles.facetTitle}>{title}</h2>
      <ul className={styles.facetList}>{children}</ul>
    </section>
  );
}

function FacetLink({
  href,
  active,
  label,
  count,
  estimated = false,
}: {
  href: string;
  active: boolean;
  label: string;
  count: number;
  /** The count is estimated (a long list's sample): "≈", read as "about". */
  estimated?: boolean;
}) {
  return (
    <li>
      <Link
        href={href}
        className={active ? styles.facetActive : styles.facetLink}
        aria-current={active ? "true" : undefined}
      >
        <span>{label}</span>
        <span className={styles.count}>
          {estimated ? (
            <>
              <span aria-hidden="true">≈</span>
              <span className="visually-hidden">about </span>
            </>
          ) : null}
          {countText(count, estimated)}
        </span>
      </Link>
    </li>
  );
}

/** A facet of which one value can be chosen: a value's link chooses it, the chosen one's link clears it. */
function ChoiceFacet<T extends { value: string | number; count: number; estimated?: boolean }>({
  title,
  items,
  chosen,
  label,
  href,
}: {
  title: string;
  items: T[];
  chosen: T["value"] | undefined;
  label: (item: T) => string;
  href: (value: T["value"] | undefined) => string;
}) {
  if (items.length === 0) return null;
  return (
    <FacetGroup title={title}>
      {items.map((item) => (
        <FacetLink
          key={item.value}
          href={href(chosen === item.value ? undefined : item.value)}
          active={chosen === item.value}
          label={label(item)}
          count={item.count}
          estimated={item.estimated}
        />
      ))}
    </FacetGroup>
  );
}

function pageNumbers(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

/** Previous / numbered / next links for a list; nothing when there is one page. */
function Pagination({
  page,
  pageCount,
  href,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className={styles.pagination}>
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : null}
      <ul>
        {pageNumbers(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <Link href={href(p)} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The facets with counts and the price form. The form is a GET to `priceForm.action` carrying
 * `priceForm.params` (the list's other parameters) as hidden fields, so it works without JavaScript.
 */
function FilterSidebar({
  query,
  facets,
  href,
  categoryFacet = true,
  priceForm,
}: FilterProps & { priceForm: { action: string; params: URLSearchParams } }) {
  const applied = activeFilterCount(query, categoryFacet);
  // On a phone the filters wait behind a "Filters" button at the top of the list (a <details>: no
  // JavaScript needed); on a wide screen the summary is hidden and the panel always shows.
  return (
    <details className={styles.filterPanel}>
      <summary className={styles.filterButton}>
        Filters{applied > 0 ? <span className={styles.filterCount}> ({applied} applied)</span> : null}
      </summary>
      <aside className={styles.filters} aria-label="Filters">
        {categoryFacet ? (
          <ChoiceFacet
            title="Category"
            items={facets.categories}
            chosen={query.category}
            label={(c) => c.name}
            href={(category) => href({ category })}
          />
        ) : null}
        <ChoiceFacet
          title="Language"
          items={facets.languages}
          chosen={query.language}
          label={(l) => languageName(l.value)}
          href={(language) => href({ language })}
        />
        <ChoiceFacet
          title="Format"
          items={facets.formats}
          chosen={query.format}
          label={(f) => EDITION_FORMATS[f.value].label}
          href={(format) => href({ format })}
        />
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
                  estimated={f.estimated}
                />
              );
            })}
          </FacetGroup>
        ) : null}
        <ChoiceFacet
          title="Customer rating"
          items={facets.ratings.map((r) => ({ ...r, value: Number(r.value) }))}
          chosen={query.minRating}
          label={(r) => plural(r.value, { one: "# star & up", other: "# stars & up" })}
          href={(minRating) => href({ minRating })}
        />
        <section className={styles.facet} aria-label="Price">
          <h2 className={styles.facetTitle}>Price</h2>
          <form action={priceForm.action} method="get" className={styles.priceForm}>
            {[...priceForm.params.entries()].map(([name, value], i) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
            ))}
            <div className={styles.priceFields}>
              <label>
                <span>Min ($)</span>
                <input
                  name="min_price"
                  inputMode="decimal"
                  defaultValue={
                    query.minPriceMinor !== undefined ? toDecimalString(query.minPriceMinor, "USD") : ""
                  }
                  placeholder={facets.priceRange ? toDecimalString(facets.priceRange.minMinor, "USD") : "0"}
                  size={6}
                />
              </label>
              <label>
                <span>Max ($)</span>
                <input
                  name="max_price"
                  inputMode="decimal"
                  defaultValue={
                    query.maxPriceMinor !== undefined ? toDecimalString(query.maxPriceMinor, "USD") : ""
                  }
                  placeholder={facets.priceRange ? toDecimalString(facets.priceRange.maxMinor, "USD") : ""}
                  size={6}
                />
              </label>
            </div>
            <button type="submit" className={styles.priceButton}>
              Apply price
            </button>
          </form>
        </section>
      </aside>
    </details>
  );
}

/** How many filters the list has applied (the page's own category is not one). */
function activeFilterCount(query: ListFilters, categoryFacet: boolean): number {
  return (
    (query.category && categoryFacet ? 1 : 0) +
    (query.language ? 1 : 0) +
    (query.format ? 1 : 0) +
    query.features.length +
    (query.minRating ? 1 : 0) +
    (query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined ? 1 : 0)
  );
}

/** The applied filters as chips that each remove one, and "Clear all"; nothing when none apply. */
function ActiveFilters({
  query,
  facets,
  href,
  categoryFacet = true,
  clearHref,
}: Omit<FilterProps, "facets"> & { facets: Pick<BrowseFacets, "categories">; clearHref: string }) {
  const active: { label: string; remove: string }[] = [];
  if (query.category && categoryFacet) {
    const name = facets.categories.find((c) => c.value === query.category)?.name ?? query.category;
    active.push({ label: `Category: ${name}`, remove: href({ category: undefined }) });
  }
  if (query.language)
    active.push({
      label: `Language: ${languageName(query.language)}`,
      remove: href({ language: undefined }),
    });
  if (query.format)
    active.push({
      label: `Format: ${EDITION_FORMATS[query.format].label}`,
      remove: href({ format: undefined }),
    });
  for (const f of query.features) {
    active.push({
      label: READING_FEATURE_LABELS[f],
      remove: href({ features: query.features.filter((x) => x !== f) }),
    });
  }
  if (query.minRating)
    active.push({ label: `${query.minRating}+ stars`, remove: href({ minRating: undefined }) });
  if (query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined) {
    const from = query.minPriceMinor !== undefined ? formatMoney(query.minPriceMinor, "USD") : "any";
    const to = query.maxPriceMinor !== undefined ? formatMoney(query.maxPriceMinor, "USD") : "any";
    active.push({
      label: `Price: ${from} – ${to}`,
      remove: href({ minPriceMinor: undefined, maxPriceMinor: undefined }),
    });
  }
  if (active.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label="Active filters">
      {active.map((a) => (
        <li key={a.label}>
          <Link href={a.remove} className={styles.chip} aria-label={`Remove filter ${a.label}`}>
            {a.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      <li>
        <Link href={clearHref} className={styles.clear}>
          Clear all
        </Link>
      </li>
    </ul>
  );
}

/** A note naming the URL parameters that were not understood and were ignored. */
function IgnoredParams({ params }: { params: string[] }) {
  if (params.length === 0) return null;
  return (
    <p className={styles.notice} role="status">
      Some parts of this address were not understood and were ignored: {params.join(", ")}.
    </p>
  );
}

/** "Showing 25–48 of 1,000+ books" (or "of about 98,000") and the sort links. */
export function ListToolbar<S extends string>({
  page,
  pageSize,
  total,
  totalIsCapped = false,
  totalIsEstimate = false,
  sorts,
  sortLabels,
  sort,
  sortHref,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalIsCapped?: boolean;
  totalIsEstimate?: boolean;
  sorts: readonly S[];
  sortLabels: Record<S, string>;
  sort: S;
  sortHref: (sort: S) => string;
}) {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className={styles.toolbar}>
      <p className={styles.summary}>
        {total === 0
          ? "No books match"
          : `Showing ${countText(first)}–${countText(last)} of ${totalIsEstimate ? "about " : ""}${countText(total, totalIsEstimate)}${totalIsCapped ? "+" : ""} ${plural(total, { one: "book", other: "books" })}`}
      </p>
      <nav aria-label="Sort" className={styles.sorts}>
        <span className={styles.sortLabel}>Sort:</span>
        <ul>
          {sorts.map((s) => (
            <li key={s}>
              {sort === s ? (
                <span aria-current="true" className={styles.sortActive}>
                  {sortLabels[s]}
                </span>
              ) : (
                <Link href={sortHref(s)}>{sortLabels[s]}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/**
 * A catalog list's frame, shared by /books, the category pages and /search: the facets and the
 * price form, the ignored-parameter notice, "Showing…" with the sort links, the active filters,
 * `children` (the results) and the page links. All links and GET forms.
 */
export function ListFrame<S extends string>({
  query,
  facets,
  href,
  categoryFacet = true,
  priceForm,
  clearHref,
  ignoredParams,
  list,
  sorts,
  sortLabels,
  children,
}: Omit<FilterProps, "href" | "query"> & {
  query: ListFilters & { sort: S };
  /** A link to the same list with these changes. */
  href: (changes: Partial<ListFilters> & { page?: number; sort?: S }) => string;
  priceForm: { action: string; params: URLSearchParams };
  clearHref: string;
  ignoredParams: string[];
  list: {
    page: number;
    pageSize: number;
    pageCount: number;
    total: number;
    totalIsCapped?: boolean;
    totalIsEstimate?: boolean;
  };
  sorts: readonly S[];
  sortLabels: Record<S, string>;
  children: React.ReactNode;
}) {
  return (
    <div className={styles.layout}>
      <FilterSidebar
        query={query}
        facets={facets}
        href={href}
        categoryFacet={categoryFacet}
        priceForm={priceForm}
      />
      <div className={styles.results}>
        <IgnoredParams params={ignoredParams} />
        <ListToolbar
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          totalIsCapped={list.totalIsCapped}
          totalIsEstimate={list.totalIsEstimate}
          sorts={sorts}
          sortLabels={sortLabels}
          sort={query.sort}
          sortHref={(s) => href({ sort: s, page: 1 })}
        />
        <ActiveFilters
          query={query}
          facets={facets}
          href={href}
          categoryFacet={categoryFacet}
          clearHref={clearHref}
        />
        {children}
        <Pagination page={list.page} pageCount={list.pageCount} href={(page) => href({ page })} />
      </div>
    </div>
  );
}

/** A catalog list: facets with counts, sort links, active filters, results and pagination. All links and GET forms. */
/** Books in a list's first row on a phone, on screen as the page opens (its largest paint). */
const FIRST_ROW = 2;

export function BrowseView({
  basePath,
  query,
  result,
  facets,
  fixed = {},
  ignoredParams,
}: {
  basePath: string;
  query: BrowseQuery;
  result: BrowseResult;
  facets: BrowseFacets;
  /** Facets fixed by the page itself (a category page has no category facet). */
  fixed?: { category?: boolean };
  ignoredParams: string[];
}) {
  const categoryFacet = !fixed.category;
  const priceParams = browseSearchParams({
    ...query,
    category: categoryFacet ? query.category : undefined,
    minPriceMinor: undefined,
    maxPriceMinor: undefined,
    page: 1,
  });
  return (
    <ListFrame
      query={query}
      facets={facets}
      href={(changes) => browseHref(basePath, query, changes)}
      categoryFacet={categoryFacet}
      priceForm={{ action: basePath, params: priceParams }}
      clearHref={basePath}
      ignoredParams={ignoredParams}
      list={result}
      sorts={SORTS}
      sortLabels={SORT_LABELS}
    >
      {result.books.length > 0 ? (
        <ul className={styles.grid} aria-label="Books">
          {result.books.map((book, i) => (
            <li key={book.id}>
              <BookCard book={book} headingLevel={2} eager={i < FIRST_ROW} />
            </li>
          ))}
        </ul>
      ) : (
        <div className={styles.empty}>
          <p>No books match these filters{result.total > 0 ? " on this page" : ""}.</p>
          <p>
            <Link href={basePath}>Show all books</Link>
          </p>
        </div>
      )}
    </ListFrame>
  );
}
