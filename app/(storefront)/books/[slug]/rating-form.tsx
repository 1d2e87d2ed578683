"use client";
// "Rate this book": 1-5 stars, optional title, review and name. A client component posting a
// server action through useActionState under a plain <form action>, so it works without
// JavaScript and reads no cookie while the (cached) product page renders.
import { useActionState } from "react";
import { rateBookAction, type RateState } from "./rating-actions";
import styles from "./rating-form.module.css";
import { plural } from "@/lib/plural";

const INITIAL: RateState = { outcome: "idle", message: null, errors: {}, values: {} };

function TextField({
  name,
  label,
  hint,
  state,
  multiline = false,
}: {
  name: "title" | "body" | "displayName";
  label: string;
  hint: string;
  state: RateState;
  multiline?: boolean;
}) {
  const id = `rating-${name}`;
  const error = state.errors[name];
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    defaultValue: state.values[name] ?? "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label} <span className="muted">(optional)</span>
      </label>
      {multiline ? <textarea rows={5} {...common} /> : <input type="text" {...common} />}
      <p id={`${id}-hint`} className={styles.hint}>
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RatingForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(rateBookAction, INITIAL);
  if (state.outcome === "published" || state.outcome === "pending") {
    return (
      <p className={styles.thanks} role="status">
        {state.message}
      </p>
    );
  }
  const starsError = state.errors.stars;
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="slug" value={slug} />
      {state.message ? (
        <p className={styles.formError} role="alert">
          {state.message}
        </p>
      ) : null}
      <fieldset
        className={styles.stars}
        aria-invalid={starsError ? true : undefined}
        aria-describedby={starsError ? "rating-stars-error" : undefined}
      >
        <legend>Your rating</legend>
        {[5, 4, 3, 2, 1].map((n) => (
          <label key={n} className={styles.star}>
            <input type="radio" name="stars" value={n} defaultChecked={state.values.stars === String(n)} />{" "}
            {plural(n, { one: "# star", other: "# stars" })}
          </label>
        ))}
        {starsError ? (
          <p id="rating-stars-error" className={styles.fieldError}>
            {starsError}
          </p>
        ) : null}
      </fieldset>
      <TextField name="title" label="Title" hint="Up to 120 characters." state={state} />
      <TextField name="body" label="Review" hint="Up to 4000 characters." state={state} multiline />
      <TextField
        name="displayName"
        label="Name shown with your review"
        hint="Up to 60 characters. Leave empty to stay anonymous."
        state={state}
      />
      <button type="submit" className="button" disabled={pending}>
        Submit rating
      </button>
    </form>
  );
}
