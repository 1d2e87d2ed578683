"use client";
import { useActionState } from "react";
import { FieldError, invalidProps } from "../../admin-ui";
import styles from "../../admin.module.css";
import { markShippedAction, type ShipState } from "../actions";

const INITIAL: ShipState = { errors: {}, values: { carrier: "", trackingNumber: "" } };

export function ShipForm({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState(markShippedAction, INITIAL);
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      {state.errors.form ? (
        <p className={styles.alert} role="alert">
          {state.errors.form}
        </p>
      ) : null}
      <div className={styles.field}>
        <label htmlFor="carrier">Carrier</label>
        <input
          id="carrier"
          name="carrier"
          defaultValue={state.values.carrier}
          maxLength={60}
          {...invalidProps("carrier", state.errors.carrier)}
        />
        <FieldError id="carrier" message={state.errors.carrier} />
      </div>
      <div className={styles.field}>
        <label htmlFor="trackingNumber">Tracking number</label>
        <input
          id="trackingNumber"
          name="trackingNumber"
          defaultValue={state.values.trackingNumber}
          maxLength={60}
          {...invalidProps("trackingNumber", state.errors.trackingNumber)}
        />
        <FieldError id="trackingNumber" message={state.errors.trackingNumber} />
      </div>
      <button type="submit" className={styles.button} disabled={pending}>
        Mark shipped and email the customer
      </button>
    </form>
  );
}
