// A shopper's rating as submitted: one zod schema for the product-page form, the server action and
// POST /api/v1/books/{slug}/ratings (and the OpenAPI request body). Pure.
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export const RATING_LIMITS = { title: 120, body: 4000, displayName: 60 } as const;

const STARS_MESSAGE = "Choose from 1 to 5 stars.";

const optionalText = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullable()
    .optional();

export const ratingInputSchema = z.strictObject({
  stars: z
    .number({ error: STARS_MESSAGE })
    .int(STARS_MESSAGE)
    .min(1, STARS_MESSAGE)
    .max(5, STARS_MESSAGE)
    .describe("1 to 5 stars."),
  title: optionalText(RATING_LIMITS.title, "The title").describe("Optional headline, up to 120 characters."),
  body: optionalText(RATING_LIMITS.body, "The review").describe(
    "Optional review text, up to 4000 characters.",
  ),
  displayName: optionalText(RATING_LIMITS.displayName, "Your name").describe(
    "Optional name shown with the review, up to 60 characters.",
  ),
});

export type RatingInput = z.input<typeof ratingInputSchema>;

/** A valid rating, with empty optional texts as null. */
export interface RatingFields {
  stars: 1 | 2 | 3 | 4 | 5;
  title: string | null;
  body: string | null;
  displayName: string | null;
}

export const RATING_FIELDS = ["stars", "title", "body", "displayName"] as const;
export type RatingField = (typeof RATING_FIELDS)[number];

export type RatingParseResult = { ok: true; data: RatingFields } | { ok: false; fields: FieldErrors };

/** Validates a JSON body or form values with ratingInputSchema. */
export function parseRatingInput(input: unknown): RatingParseResult {
  const parsed = ratingInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.length
        ? String(issue.path[0])
        : issue.code === "unrecognized_keys"
          ? issue.keys.join(", ")
          : "body";
      (fields[name] ??= []).push(
        issue.code === "unrecognized_keys"
          ? `Unknown field${issue.keys.length > 1 ? "s" : ""}.`
          : issue.message,
      );
    }
    return { ok: false, fields };
  }
  const { stars, title, body, displayName } = parsed.data;
  return {
    ok: true,
    data: {
      stars: stars as RatingFields["stars"],
      title: title || null,
      body: body || null,
      displayName: displayName || null,
    },
  };
}

/**
 * The form's values as the schema's input: the radio value becomes a number when it is a whole
 * number, otherwise stays as sent (so "abc" or "2.5" fail the same checks as in JSON).
 */
export function ratingValuesFromForm(form: FormData): Record<string, unknown> {
  const text = (name: RatingField) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const stars = text("stars");
  return {
    stars: stars === undefined || stars === "" ? undefined : /^\d{1,2}$/.test(stars) ? Number(stars) : stars,
    title: text("title"),
    body: text("body"),
    displayName: text("displayName"),
  };
}
