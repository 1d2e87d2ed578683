"use client";
import { type ReactNode, useActionState, useState, useSyncExternalStore } from "react";
import {
  type ListingFormValues,
  CONTRIBUTOR_LABELS,
  EDITION_LABELS,
  featureLabel,
  LISTING_LABELS,
  STATUS_LABELS,
} from "@/lib/catalog/listings/model";
import { FieldError, invalidProps } from "../admin-ui";
import styles from "../admin.module.css";
import { saveListingAction } from "./actions";
import { ChangesTable } from "./changes-table";
import type { ListingFormState } from "./form-state";
import form from "./listing-form.module.css";

export interface ListingFormOptions {
  categories: { slug: string; name: string }[];
  series: string[];
  roles: { value: string; label: string }[];
  formats: { value: string; label: string }[];
  availability: { value: string; label: string }[];
}

const FEATURES = ["textToSpeech", "screenReader", "enhancedTypesetting", "wordWise"] as const;

const noSubscription = () => () => {};
/** False in the server's HTML and while hydrating, true once this component runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The book's categories: a box to tick for each, and the main one (the breadcrumb) chosen with a
 * radio, so no click can untick the others. The stored order goes along (`categoryOrder`): ticked
 * ones keep it, new ones come last (categoryChoice). Controlled inputs render their state into the
 * HTML, so without JavaScript the boxes work natively; with it, a box filters the list, choosing a
 * main category ticks it, and unticking the main one clears the choice.
 */
function CategoryChoice({
  chosen,
  categories,
  error,
  invalid,
}: {
  chosen: string[];
  categories: { slug: string; name: string }[];
  error: ReactNode;
  invalid: Record<string, unknown>;
}) {
  const hydrated = useHydrated();
  const [filter, setFilter] = useState("");
  // The ticked categories in the order they were stored, then ticked (without JavaScript the
  // server appends new ones in the list's order instead).
  const [order, setOrder] = useState<string[]>(chosen);
  const [main, setMain] = useState(chosen[0] ?? "");
  const needle = filter.trim().toLocaleLowerCase("en");
  const tick = (slug: string, on: boolean) =>
    setOrder((list) =>
      on ? (list.includes(slug) ? list : [...list, slug]) : list.filter((s) => s !== slug),
    );
  return (
    <fieldset className={form.categories} aria-describedby="categories-hint" {...invalid}>
      <legend>{LISTING_LABELS.categorySlugs}</legend>
      <p id="categories-hint" className={form.hint}>
        Tick every category the book belongs to; the main one is its breadcrumb and comes first on the product
        page (with none chosen, the first ticked one is main).
      </p>
      {error}
      <input type="hidden" name="categoryOrder" value={order.join(",")} />
      {hydrated && (
        <div className={styles.field}>
          <label htmlFor="category-filter">Find a category</label>
          <input
            id="category-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            autoComplete="off"
          />
        </div>
      )}
      <ul className={form.categoryList}>
        {categories.map((c) => {
          const isTicked = order.includes(c.slug);
          const shown = !needle || isTicked || c.name.toLocaleLowerCase("en").includes(needle);
          return (
            <li key={c.slug} hidden={!shown}>
              <label className={form.check}>
                <input
                  type="checkbox"
                  name="categorySlugs"
                  value={c.slug}
                  checked={isTicked}
                  onChange={(event) => {
                    tick(c.slug, event.target.checked);
                    if (!event.target.checked && main === c.slug) setMain("");
                  }}
                />
                {c.name}
              </label>
              <label className={form.main}>
                <input
                  type="radio"
                  name="mainCategory"
                  value={c.slug}
                  checked={main === c.slug}
                  onChange={(event) => {
                    if (!event.target.checked) return;
                    setMain(c.slug);
                    tick(c.slug, true);
                  }}
                />
                <span>
                  Main<span className="visually-hidden"> category: {c.name}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

// Client only for useActionState: under a plain <form action>, the returned state (errors, what
// was typed, a conflict) is rendered with JavaScript off too. No Suspense above it.
export function ListingForm({
  bookId,
  version,
  initial,
  options,
}: {
  bookId: number | null;
  version: number | null;
  initial: ListingFormValues;
  options: ListingFormOptions;
}) {
  const [state, formAction, pending] = useActionState<ListingFormState | null, FormData>(
    saveListingAction,
    null,
  );
  const values = state?.values ?? initial;
  // Each edition's format as chosen now: ebook-only fields hide for other formats (with JavaScript;
  // without it they show, and listingInputFromValues ignores them on a print or audio edition).
  const hydrated = useHydrated();
  const [formats, setFormats] = useState<Record<number, string>>({});
  const errors = state?.fieldErrors ?? {};
  const id = (name: string) => `f-${name.replace(/\./g, "-")}`;
  const message = (name: string) => errors[name]?.join(" ") || undefined;
  const err = (name: string) => <FieldError id={id(name)} message={message(name)} />;
  const aria = (name: string) => invalidProps(id(name), message(name));
  const text = (name: string, label: string, value: string, extra: Record<string, unknown> = {}) => (
    <div className={styles.field}>
      <label htmlFor={id(name)}>{label}</label>
      <input id={id(name)} name={name} defaultValue={value} {...aria(name)} {...extra} />
      {err(name)}
    </div>
  );

  return (
    <form action={formAction} className={form.form} noValidate>
      <input type="hidden" name="bookId" value={bookId ?? "new"} />
      {version !== null && <input type="hidden" name="version" value={version} />}

      {state?.message && !state.conflict && (
        <p className={styles.alert} role="alert">
          {state.message}
        </p>
      )}
      {state?.conflict && (
        <section className={styles.alert} role="alert" aria-label="Conflict">
          <p>
            <strong>Not saved.</strong> {state.conflict.message}
          </p>
          {state.conflict.rows.length > 0 ? (
            <ChangesTable
              changes={state.conflict.rows}
              caption="The saved version and what you tried to save, field by field"
              headings={["Saved now", "Yours"]}
            />
          ) : (
            <p>Your values are the same as the saved ones.</p>
          )}
          <p>
            Your values are still in the form below.{" "}
            <a href={`/admin/books/${bookId}`}>Reload the saved version</a>, or replace it with yours:
          </p>
          <button
            type="submit"
            name="overrideVersion"
            value={state.conflict.latestVersion}
            className={styles.buttonQuiet}
          >
            Save mine over version {state.conflict.latestVersion}
          </button>
        </section>
      )}

      <div key={state?.seq ?? 0} className={form.sections}>
        <fieldset className={form.group}>
          <legend>Work</legend>
          {text("title", LISTING_LABELS.title, values.title)}
          {text("subtitle", LISTING_LABELS.subtitle, values.subtitle)}
          {text("slug", `${LISTING_LABELS.slug} (blank: from the title)`, values.slug)}
          <div className={styles.field}>
            <label htmlFor={id("status")}>{LISTING_LABELS.status}</label>
            <select id={id("status")} name="status" defaultValue={values.status} {...aria("status")}>
              {Object.entries(STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {err("status")}
          </div>
          <div className={styles.field}>
            <label htmlFor={id("teaser")}>{LISTING_LABELS.teaser}</label>
            <textarea
              id={id("teaser")}
              name="teaser"
              rows={2}
              defaultValue={values.teaser}
              {...aria("teaser")}
            />
            {err("teaser")}
          </div>
          <div className={styles.field}>
            <label htmlFor={id("description")}>{LISTING_LABELS.description}</label>
            <textarea
              id={id("description")}
              name="description"
              rows={8}
              defaultValue={values.description}
              {...aria("description")}
            />
            {err("description")}
          </div>
          {text(
            "languages",
            `${LISTING_LABELS.languages} (codes, comma-separated: es, en)`,
            values.languages,
          )}
          <CategoryChoice
            chosen={values.categorySlugs}
            categories={options.categories}
            error={err("categorySlugs")}
            invalid={aria("categorySlugs")}
          />
          {text("seriesName", `${LISTING_LABELS.seriesName} (choose or type a new name)`, values.seriesName, {
            list: "series-options",
          })}
          <datalist id="series-options">
            {options.series.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {text("seriesPosition", LISTING_LABELS.seriesPosition, values.seriesPosition, {
            inputMode: "numeric",
          })}
        </fieldset>

        <fieldset className={form.group}>
          <legend>Contributors</legend>
          {err("contributors")}
          {values.contributors.map((row, i) => (
            <fieldset key={i} className={form.row} aria-label={`Contributor ${i + 1}`}>
              {text(`contributors.${i}.name`, CONTRIBUTOR_LABELS.name, row.name)}
              <div className={styles.field}>
                <label htmlFor={id(`contributors.${i}.role`)}>{CONTRIBUTOR_LABELS.role}</label>
                <select
                  id={id(`contributors.${i}.role`)}
                  name={`contributors.${i}.role`}
                  defaultValue={row.role}
                  {...aria(`contributors.${i}.role`)}
                >
                  {options.roles.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
                {err(`contributors.${i}.role`)}
              </div>
              {text(`contributors.${i}.note`, CONTRIBUTOR_LABELS.note, row.note)}
              {text(`contributors.${i}.position`, "Position", row.position || String(i + 1), {
                inputMode: "numeric",
                className: form.narrow,
              })}
              <label className={form.check}>
                <input type="checkbox" name={`contributors.${i}.remove`} value="1" /> Remove
              </label>
            </fieldset>
          ))}
          <button type="submit" name="intent" value="add-contributor" className={styles.buttonQuiet}>
            Add another contributor
          </button>
        </fieldset>

        <fieldset className={form.group}>
          <legend>Editions</legend>
          {err("editions")}
          {values.editions.map((row, i) => {
            const p = `editions.${i}`;
            return (
              <fieldset key={i} className={form.row} aria-label={`Edition ${i + 1}`}>
                <legend>Edition {i + 1}</legend>
                <input type="hidden" name={`${p}.id`} value={row.id} />
                <div className={styles.field}>
                  <label htmlFor={id(`${p}.format`)}>{EDITION_LABELS.format}</label>
                  <select
                    id={id(`${p}.format`)}
                    name={`${p}.format`}
                    defaultValue={row.format}
                    onChange={(event) => setFormats((f) => ({ ...f, [i]: event.target.value }))}
                  >
                    {options.formats.map((f) => (
                      <option key={f.value} value={f.value}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                  {err(`${p}.format`)}
                </div>
                {text(
                  `${p}.formatLabel`,
                  `${EDITION_LABELS.formatLabel} (e.g. Kindle Edition)`,
                  row.formatLabel,
                )}
                {text(`${p}.editionLabel`, EDITION_LABELS.editionLabel, row.editionLabel)}
                {text(`${p}.isbn`, EDITION_LABELS.isbn13, row.isbn)}
                {text(`${p}.price`, EDITION_LABELS.priceMinor, row.price, { inputMode: "decimal" })}
                {text(`${p}.currency`, EDITION_LABELS.currency, row.currency, { className: form.narrow })}
                <div className={styles.field}>
                  <label htmlFor={id(`${p}.availability`)}>{EDITION_LABELS.availability}</label>
                  <select
                    id={id(`${p}.availability`)}
                    name={`${p}.availability`}
                    defaultValue={row.availability}
                  >
                    {options.availability.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </div>
                {text(`${p}.publisher`, EDITION_LABELS.publisher, row.publisher)}
                {text(`${p}.publicationDate`, EDITION_LABELS.publicationDate, row.publicationDate, {
                  type: "date",
                })}
                {text(`${p}.pageCount`, EDITION_LABELS.pageCount, row.pageCount, { inputMode: "numeric" })}
                <div
                  className={form.ebookOnly}
                  hidden={hydrated && (formats[i] ?? row.format) !== "ebook"}
                  data-testid="ebook-only"
                >
                  {text(
                    `${p}.fileSizeKb`,
                    `${EDITION_LABELS.fileSizeKb}${hydrated ? "" : " (ebooks only)"}`,
                    row.fileSizeKb,
                    { inputMode: "numeric" },
                  )}
                  {FEATURES.map((key) => (
                    <div className={styles.field} key={key}>
                      <label htmlFor={id(`${p}.${key}`)}>
                        {EDITION_LABELS[key]}
                        {hydrated ? "" : " (ebooks only)"}
                      </label>
                      <select id={id(`${p}.${key}`)} name={`${p}.${key}`} defaultValue={row[key]}>
                        <option value="">{featureLabel(null)}</option>
                        <option value="yes">{featureLabel(true)}</option>
                        <option value="no">{featureLabel(false)}</option>
                      </select>
                    </div>
                  ))}
                </div>
                <label className={form.check}>
                  <input type="checkbox" name={`${p}.remove`} value="1" /> Remove this edition
                </label>
              </fieldset>
            );
          })}
          <button type="submit" name="intent" value="add-edition" className={styles.buttonQuiet}>
            Add another edition
          </button>
        </fieldset>
      </div>

      <button type="submit" className={styles.button} disabled={pending}>
        {bookId === null ? "Create listing" : "Save listing"}
      </button>
    </form>
  );
}
