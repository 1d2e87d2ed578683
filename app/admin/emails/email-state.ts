import type { MailboxRow } from "@/lib/mail";
import { utcTime } from "../admin-ui";

/** Where an email is, in a few words: sent, in the demo mailbox, waiting for its next attempt, failed. */
export function emailState(row: MailboxRow): string {
  if (row.sentAt)
    return row.transport === "mailbox"
      ? `In the demo mailbox ${utcTime(row.sentAt)}`
      : `Sent ${utcTime(row.sentAt)}`;
  if (row.failedAt) return `Failed after ${row.attempts} attempts`;
  if (row.attempts > 0) return `Waiting: attempt ${row.attempts + 1} at ${utcTime(row.nextAttemptAt)}`;
  return "Waiting to be sent";
}
