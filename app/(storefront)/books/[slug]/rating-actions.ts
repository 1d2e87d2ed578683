"use server";
// The product page's rating form. Returns its state (useActionState: without JavaScript the
// server renders the messages into the page it answers with). A published rating invalidates the
// book's tags (in the ratings service), so the summary on this response and on the next request is
// the new one.
import { rateBookAsShopper, ratingValuesFromForm, type RatingField } from "@/lib/catalog/ratings/service";
import { AppError } from "@/lib/errors";
import { repeatedField } from "@/lib/form-data";

export interface RateState {
  outcome: "idle" | "published" | "pending" | "refused" | "invalid";
  message: string | null;
  errors: Partial<Record<RatingField, string>>;
  values: Partial<Record<RatingField, string>>;
}

function echo(form: FormData): RateState["values"] {
  const values: RateState["values"] = {};
  for (const name of ["stars", "title", "body", "displayName"] as const) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

export async function rateBookAction(_previous: RateState, form: FormData): Promise<RateState> {
  const slug = form.get("slug");
  if (typeof slug !== "string")
    return { outcome: "refused", message: "Unknown book.", errors: {}, values: {} };
  if (repeatedField(form))
    return {
      outcome: "refused",
      message: "That request was not understood; nothing was saved.",
      errors: {},
      values: echo(form),
    };
  try {
    const rating = await rateBookAsShopper(slug, ratingValuesFromForm(form));
    return {
      outcome: rating.status,
      message:
        rating.status === "published"
          ? "Thanks — your rating is published."
          : "Thanks — your rating will appear after review.",
      errors: {},
      values: {},
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "validation") {
      const errors: RateState["errors"] = {};
      for (const [name, messages] of Object.entries(error.details.fields ?? {})) {
        if (messages[0]) errors[name as RatingField] = messages[0];
      }
      return { outcome: "invalid", message: error.message, errors, values: echo(form) };
    }
    return { outcome: "refused", message: error.message, errors: {}, values: echo(form) };
  }
}
