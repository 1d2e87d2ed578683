import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession, refusedSignInEmail, safeNextPath } from "@/lib/auth";
import styles from "../admin.module.css";
import { signInAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

function errorMessage(error: string | undefined, retryMinutes: string | undefined): string | null {
  if (error === "invalid") return "The email or password is not right.";
  if (error === "limited") {
    const minutes = Number(retryMinutes);
    return `Too many sign-in attempts. Try again in ${Number.isFinite(minutes) && minutes > 0 ? minutes : 15} minutes.`;
  }
  return null;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const next = safeNextPath(one("next"));
  if (await getCurrentSession()) redirect(next);
  const error = errorMessage(one("error"), one("retry"));
  // After a refused attempt the email stays typed; only the password is asked again.
  const email = error ? await refusedSignInEmail() : "";

  return (
    <section className={styles.card}>
      <h1>Staff sign-in</h1>
      {one("signed_out") && (
        <p className={styles.notice} role="status">
          You are signed out.
        </p>
      )}
      {error && (
        <p className={styles.alert} role="alert">
          {error}
        </p>
      )}
      <form action={signInAction} className={styles.form}>
        <input type="hidden" name="next" value={next} />
        <div className={styles.field}>
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" defaultValue={email} required />
        </div>
        <div className={styles.field}>
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className={styles.button}>
          Sign in
        </button>
      </form>
    </section>
  );
}
