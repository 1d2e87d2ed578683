"use client";
import { useActionState } from "react";
import styles from "../admin.module.css";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ userId, email }: { userId: number; email: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, null);
  return (
    <form action={formAction} className={styles.inline}>
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        className={styles.buttonQuiet}
        disabled={pending}
        aria-label={`Reset password of ${email}`}
      >
        Reset password
      </button>
      {state?.ok === true && (
        <span className={styles.notice} role="status">
          New password for {state.email} (shown once): <code className={styles.secret}>{state.password}</code>
        </span>
      )}
      {state?.ok === false && (
        <span className={styles.alert} role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
