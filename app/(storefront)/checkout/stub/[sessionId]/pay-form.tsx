"use client";
// The stub's payment form: email, and a shipping address when the order has printed books.
// useActionState under a plain <form action>: without JavaScript the server renders the errors.
import Link from "next/link";
import { useActionState } from "react";
import type { AddressFieldSpec } from "@/lib/checkout/orders/service";
import { payAction, type PayState } from "./actions";
import styles from "./stub.module.css";

interface Props {
  sessionId: string;
  token: string;
  needsShipping: boolean;
  /** Where the order ships: chosen in the cart (shipping and tax were priced for it). */
  countryName: string;
  /** The destination country's address fields, from its address rules. */
  fields: AddressFieldSpec[];
  totalLabel: string;
  initialEmail: string;
}

const INITIAL: PayState = { message: null, errors: {}, values: {} };

function Field({
  name,
  label,
  state,
  autoComplete,
  type = "text",
  optional = false,
  choices,
  hint,
}: {
  name: keyof PayState["values"];
  label: string;
  state: PayState;
  autoComplete: string;
  type?: string;
  optional?: boolean;
  choices?: [string, string][];
  hint?: string;
}) {
  const error = state.errors[name];
  const id = `checkout-${name}`;
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    autoComplete,
    defaultValue: state.values[name] ?? "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted"> (optional)</span> : null}
      </label>
      {choices ? (
        <select {...common}>
          <option value="">Choose…</option>
          {choices.map(([code, choice]) => (
            <option key={code} value={code}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function PayForm({
  sessionId,
  token,
  needsShipping,
  countryName,
  fields,
  totalLabel,
  initialEmail,
}: Props) {
  const [state, action, pending] = useActionState(payAction, {
    ...INITIAL,
    values: { email: initialEmail },
  });
  const countryError = state.errors.country;
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="token" value={token} />
      {state.message ? (
        <p className={styles.formError} role="alert">
          {state.message}
        </p>
      ) : null}
      <Field name="email" label="Email" type="email" autoComplete="email" state={state} />
      {needsShipping ? (
        <fieldset className={styles.fieldset}>
          <legend>Shipping address in {countryName}</legend>
          <p className="muted">
            Shipping and tax are for {countryName}. <Link href="/cart">Change the country in your cart</Link>.
          </p>
          {countryError ? (
            <p className={styles.fieldError} role="alert">
              {countryError}
            </p>
          ) : null}
          {fields.map((field) => (
            <Field
              key={field.name}
              name={field.name}
              label={field.label}
              autoComplete={field.autoComplete}
              state={state}
              optional={!field.required}
              {...(field.choices ? { choices: field.choices } : {})}
              {...(field.hint ? { hint: field.hint } : {})}
            />
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        Pay {totalLabel}
      </button>
    </form>
  );
}
