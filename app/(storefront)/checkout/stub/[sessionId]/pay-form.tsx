"use client";
// The stub's payment form: email, and a shipping address when the order has printed books.
// useActionState under a plain <form action>: without JavaScript the server renders the errors.
import { useActionState } from "react";
import { payAction, type PayState } from "./actions";
import styles from "./stub.module.css";

interface Props {
  sessionId: string;
  token: string;
  needsShipping: boolean;
  countries: [string, string][];
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
}: {
  name: keyof PayState["values"];
  label: string;
  state: PayState;
  autoComplete: string;
  type?: string;
  optional?: boolean;
}) {
  const error = state.errors[name];
  const id = `checkout-${name}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted"> (optional)</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={state.values[name] ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function PayForm({ sessionId, token, needsShipping, countries, totalLabel, initialEmail }: Props) {
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
          <legend>Shipping address</legend>
          <Field name="name" label="Full name" autoComplete="shipping name" state={state} />
          <Field name="line1" label="Address line 1" autoComplete="shipping address-line1" state={state} />
          <Field
            name="line2"
            label="Address line 2"
            autoComplete="shipping address-line2"
            state={state}
            optional
          />
          <Field name="city" label="City" autoComplete="shipping address-level2" state={state} />
          <Field name="postalCode" label="Postal code" autoComplete="shipping postal-code" state={state} />
          <div className={styles.field}>
            <label htmlFor="checkout-country">Country</label>
            <select
              id="checkout-country"
              name="country"
              autoComplete="shipping country"
              defaultValue={state.values.country ?? ""}
              aria-invalid={countryError ? true : undefined}
              aria-describedby={countryError ? "checkout-country-error" : undefined}
            >
              <option value="">Choose a country</option>
              {countries.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            {countryError ? (
              <p id="checkout-country-error" className={styles.fieldError}>
                {countryError}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        Pay {totalLabel}
      </button>
    </form>
  );
}
