import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { readMailboxMessage } from "@/lib/mail";
import { utcTime } from "../../admin-ui";
import styles from "../../admin.module.css";
import { sendAgainAction } from "../actions";
import { emailState } from "../email-state";
import mail from "../emails.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email", robots: { index: false, follow: false } };

export default async function EmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ requeued?: string }>;
}) {
  const { id } = await params;
  const { requeued } = await searchParams;
  await requireStaff("admin", { next: `/admin/emails/${encodeURIComponent(id)}` });
  const email = /^\d{1,9}$/.test(id) ? await readMailboxMessage(Number(id)) : null;
  if (!email) notFound();

  return (
    <>
      <p>
        <Link href="/admin/emails">← All emails</Link>
      </p>
      <h1>{email.subject}</h1>
      {requeued === "1" ? (
        <p className={styles.notice} role="status">
          Queued again: the worker sends it within a few seconds.
        </p>
      ) : null}
      <section className={styles.card} aria-labelledby="envelope">
        <h2 id="envelope">Envelope</h2>
        <dl>
          <dt>To</dt>
          <dd>{email.to}</dd>
          <dt>Queued</dt>
          <dd>{utcTime(email.createdAt, { seconds: true })}</dd>
          <dt>State</dt>
          <dd>{emailState(email)}</dd>
          <dt>Attempts</dt>
          <dd>{email.attempts}</dd>
          {email.response ? (
            <>
              <dt>Server&apos;s answer</dt>
              <dd>
                <code>{email.response}</code>
              </dd>
            </>
          ) : null}
          {email.error ? (
            <>
              <dt>Last error</dt>
              <dd>
                <code>{email.error}</code>
              </dd>
            </>
          ) : null}
          {email.orderId ? (
            <>
              <dt>Order</dt>
              <dd>
                <Link href={`/admin/orders/${email.orderId}`}>{email.orderNumber}</Link>
              </dd>
            </>
          ) : null}
        </dl>
        {email.failedAt ? (
          <form action={sendAgainAction}>
            <input type="hidden" name="id" value={email.id} />
            <button type="submit" className={styles.button}>
              Send again
            </button>
          </form>
        ) : null}
      </section>
      <section className={styles.card} aria-labelledby="message">
        <h2 id="message">The message</h2>
        {email.html ? (
          <p>
            <a href={`/admin/emails/${email.id}/html`} target="_blank" rel="noopener">
              Open the HTML version as the customer sees it
            </a>{" "}
            (a new tab; images and scripts are blocked there).
          </p>
        ) : null}
        <h3>Plain text</h3>
        <pre className={mail.text} data-testid="email-text">
          {email.text}
        </pre>
      </section>
    </>
  );
}
