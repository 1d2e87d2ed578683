"use client";
import { useActionState } from "react";
import { API_SCOPES } from "@/lib/auth/api-scopes";
import styles from "../admin.module.css";
import { createTokenAction } from "./actions";

// Client only for useActionState: the new token is action state, shown once, JavaScript or not.
export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState(createTokenAction, null);
  const failed = state?.ok === false ? state : null;
  return (
    <form action={formAction} className={styles.form} noValidate>
      {state?.ok === true && (
        <p className={styles.notice} role="status">
          Token “{state.name}” (shown once; copy it now): <code className={styles.secret}>{state.token}</code>
        </p>
      )}
      {failed && (
        <p className={styles.alert} role="alert">
          {failed.message}
        </p>
      )}
      <div className={styles.field}>
        <label htmlFor="token-name">Name</label>
        <input
          id="token-name"
          name="name"
          required
          maxLength={100}
          defaultValue={failed?.name}
          aria-invalid={failed?.fields.name ? true : undefined}
          aria-describedby={failed?.fields.name ? "token-name-error" : undefined}
        />
        {failed?.fields.name && (
          <p id="token-name-error" className={styles.fieldError}>
            {failed.fields.name}
          </p>
        )}
      </div>
      <fieldset className={styles.field}>
        <legend>Scopes</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope}>
            <input
              type="checkbox"
              name="scopes"
              value={scope}
              defaultChecked={failed ? failed.scopes.includes(scope) : scope === "catalog:read"}
            />{" "}
            {scope}
          </label>
        ))}
        {failed?.fields.scopes && <p className={styles.fieldError}>{failed.fields.scopes}</p>}
      </fieldset>
      <button type="submit" className={styles.button} disabled={pending}>
        Create token
      </button>
    </form>
  );
}
