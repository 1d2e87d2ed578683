// The mail service as pages and actions use it: the mailbox staff read at /admin/emails, sending a
// failed email again, and waking the worker (lib/mail/worker.ts) when an email is queued.
import "server-only";
import { recordAudit } from "@/lib/audit";
import { getPrisma } from "@/lib/db";
import * as mailbox from "./mailbox";
import { requeueEmail } from "./outbox";
import { currentTransport, wakeMailWorker } from "./worker";

export type { MailboxFilter, MailboxPage, MailboxRow, MailboxMessage } from "./mailbox";
export { MAILBOX_FILTERS, parseMailboxFilter } from "./mailbox";
export { wakeMailWorker };

export async function listMailbox(filter: mailbox.MailboxFilter, page: number) {
  return mailbox.listMailbox(await getPrisma(), filter, page);
}

export async function readMailboxMessage(id: number) {
  return mailbox.readMailboxMessage(await getPrisma(), id);
}

/** Staff: a failed email back in the queue (audited), sent at the next pass. */
export async function sendAgain(id: number, actor: { id: number; ip: string | null }): Promise<boolean> {
  const db = await getPrisma();
  const requeued = await requeueEmail(db, id);
  if (!requeued) return false;
  await recordAudit(db, {
    actorId: actor.id,
    action: "email.requeued",
    targetType: "email",
    targetId: id,
    ip: actor.ip,
  });
  wakeMailWorker();
  return true;
}

/** Emails given up on after every retry: the admin dashboard warns about them. */
export async function failedEmailCount(): Promise<number> {
  return mailbox.countFailed(await getPrisma());
}

export function mailTransportName(): "smtp" | "mailbox" {
  return currentTransport().name;
}
