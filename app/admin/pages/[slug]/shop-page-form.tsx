"use client";
import { useActionState } from "react";
import { SHOP_PAGE_LIMITS } from "@/lib/catalog/articles/model";
import styles from "../../admin.module.css";
import own from "../pages.module.css";
import { saveShopPageAction, type ShopPageFormValues } from "../actions";

// Client only for useActionState: a refused save shows its messages beside what was typed, with or
// without JavaScript.
export function ShopPageForm({ slug, initial }: { slug: string; initial: ShopPageFormValues }) {
  const [state, formAction, pending] = useActionState(saveShopPageAction, null);
  const values = state?.values ?? initial;
  const error = (field: "title" | "excerpt" | "body") =>
    state?.fields[field] ? (
      <p id={`page-${field}-error`} className={styles.fieldError}>
        {state.fields[field]}
      </p>
    ) : null;
  const described = (field: "title" | "excerpt" | "body", hint?: string) => {
    const ids = [hint, state?.fields[field] ? `page-${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(" ") : undefined;
  };
  return (
    <form action={formAction} className={`${styles.form} ${own.wideForm}`} noValidate>
      {state ? (
        <p className={styles.alert} role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="updatedAt" value={values.updatedAt} />
      <div className={styles.field}>
        <label htmlFor="page-title">Title</label>
        <input
          id="page-title"
          name="title"
          required
          maxLength={SHOP_PAGE_LIMITS.title}
          defaultValue={values.title}
          key={`title-${values.title}`}
          aria-invalid={state?.fields.title ? true : undefined}
          aria-describedby={described("title")}
        />
        {error("title")}
      </div>
      <div className={styles.field}>
        <label htmlFor="page-excerpt">Summary</label>
        <input
          id="page-excerpt"
          name="excerpt"
          maxLength={SHOP_PAGE_LIMITS.excerpt}
          defaultValue={values.excerpt}
          key={`excerpt-${values.excerpt}`}
          aria-invalid={state?.fields.excerpt ? true : undefined}
          aria-describedby={described("excerpt", "page-excerpt-hint")}
        />
        <p id="page-excerpt-hint" className={own.hint}>
          One sentence: search engines show it under the page&apos;s title.
        </p>
        {error("excerpt")}
      </div>
      <div className={styles.field}>
        <label htmlFor="page-body">Text</label>
        <textarea
          id="page-body"
          name="body"
          rows={22}
          maxLength={SHOP_PAGE_LIMITS.body}
          defaultValue={values.body}
          key={`body-${values.body.length}-${values.body.slice(0, 40)}`}
          aria-invalid={state?.fields.body ? true : undefined}
          aria-describedby={described("body", "page-body-hint")}
        />
        <p id="page-body-hint" className={own.hint}>
          Leave a blank line between paragraphs. A line starting with “## ” is a heading.
        </p>
        {error("body")}
      </div>
      <button type="submit" className={styles.button} disabled={pending}>
        Save page
      </button>
    </form>
  );
}
