"use client";
import { useActionState } from "react";
import type { ListingFormValues } from "@/lib/catalog/listing-form";
import { FieldError, invalidProps } from "../admin-ui";
import styles from "../admin.module.css";
import { saveListingAction } from "./actions";
import type { ListingFormState } from "./form-state";
import form from "./listing-form.module.css";

export interface ListingFormOptions {
  categories: { slug: string; name: string }[];
  series: string[];
  roles: { value: string; label: string }[];
  formats: { value: string; label: string }[];
  availability: { value: string; label: string }[];
}

const FEATURES = [
  ["textToSpeech", "Text-to-speech"],
  ["screenReader", "Screen reader"],
  ["enhancedTypesetting", "Enhanced typesetting"],
  ["wordWise", "Word Wise"],
] as const;

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
            <table className={styles.table}>
              <caption>The saved version and what you tried to save, field by field</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Saved now</th>
                  <th scope="col">Yours</th>
                </tr>
              </thead>
              <tbody>
                {state.conflict.rows.map((row) => (
                  <tr key={row.field}>
                    <th scope="row">{row.field}</th>
                    <td>{row.saved}</td>
                    <td>{row.mine}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
          {text("title", "Title", values.title)}
          {text("subtitle", "Subtitle", values.subtitle)}
          {text("slug", "Slug (blank: from the title)", values.slug)}
          <div className={styles.field}>
            <label htmlFor={id("status")}>Status</label>
            <select id={id("status")} name="status" defaultValue={values.status} {...aria("status")}>
              <option value="draft">Draft (shoppers cannot see it)</option>
              <option value="published">Published</option>
              <option value="hidden">Hidden (withdrawn)</option>
            </select>
            {err("status")}
          </div>
          <div className={styles.field}>
            <label htmlFor={id("teaser")}>Teaser</label>
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
            <label htmlFor={id("description")}>Description</label>
            <textarea
              id={id("description")}
              name="description"
              rows={8}
              defaultValue={values.description}
              {...aria("description")}
            />
            {err("description")}
          </div>
          {text("languages", "Languages (codes, comma-separated: es, en)", values.languages)}
          <div className={styles.field}>
            <label htmlFor={id("categorySlugs")}>Categories</label>
            <select
              id={id("categorySlugs")}
              name="categorySlugs"
              multiple
              size={Math.min(8, Math.max(3, options.categories.length))}
              defaultValue={values.categorySlugs}
              {...aria("categorySlugs")}
            >
              {options.categories.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
            {err("categorySlugs")}
          </div>
          {text("seriesName", "Series (choose or type a new name)", values.seriesName, {
            list: "series-options",
          })}
          <datalist id="series-options">
            {options.series.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {text("seriesPosition", "Position in the series", values.seriesPosition, { inputMode: "numeric" })}
        </fieldset>

        <fieldset className={form.group}>
          <legend>Contributors</legend>
          {err("contributors")}
          {values.contributors.map((row, i) => (
            <fieldset key={i} className={form.row} aria-label={`Contributor ${i + 1}`}>
              {text(`contributors.${i}.name`, "Name, as credited", row.name)}
              <div className={styles.field}>
                <label htmlFor={id(`contributors.${i}.role`)}>Role</label>
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
              {text(`contributors.${i}.note`, "Note", row.note)}
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
                  <label htmlFor={id(`${p}.format`)}>Format</label>
                  <select id={id(`${p}.format`)} name={`${p}.format`} defaultValue={row.format}>
                    {options.formats.map((f) => (
                      <option key={f.value} value={f.value}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                  {err(`${p}.format`)}
                </div>
                {text(`${p}.formatLabel`, "Format label (e.g. Kindle Edition)", row.formatLabel)}
                {text(`${p}.editionLabel`, "Edition label", row.editionLabel)}
                {text(`${p}.isbn`, "ISBN-13", row.isbn)}
                {text(`${p}.price`, "Price", row.price, { inputMode: "decimal" })}
                {text(`${p}.currency`, "Currency", row.currency, { className: form.narrow })}
                <div className={styles.field}>
                  <label htmlFor={id(`${p}.availability`)}>Availability</label>
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
                {text(`${p}.publisher`, "Publisher", row.publisher)}
                {text(`${p}.publicationDate`, "Publication date", row.publicationDate, { type: "date" })}
                {text(`${p}.pageCount`, "Pages", row.pageCount, { inputMode: "numeric" })}
                {text(`${p}.fileSizeKb`, "File size (KB)", row.fileSizeKb, { inputMode: "numeric" })}
                {FEATURES.map(([key, label]) => (
                  <div className={styles.field} key={key}>
                    <label htmlFor={id(`${p}.${key}`)}>{label}</label>
                    <select id={id(`${p}.${key}`)} name={`${p}.${key}`} defaultValue={row[key]}>
                      <option value="">Not stated</option>
                      <option value="yes">Yes</option>
                      <option value="no">No</option>
                    </select>
                  </div>
                ))}
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
