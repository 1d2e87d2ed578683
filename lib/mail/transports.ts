// Where the outbox worker sends: an SMTP server (SMTP_URL, through nodemailer), or, in demo mode
// without one, the store's own mailbox: the rows themselves, read at /admin/emails.
import { createTransport } from "nodemailer";
import { inSpan } from "@/lib/telemetry/spans.mjs";
import type { MailTransport, OutgoingMessage } from "./outbox";

export function smtpTransport(url: string, from: string): MailTransport {
  const mailer = createTransport({
    url,
    // Well under the worker's lease (LEASE_MS), so no other worker takes a row mid-send.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  const server = new URL(url);
  return {
    name: "smtp",
    send: (message: OutgoingMessage) =>
      inSpan(
        "smtp send",
        {
          "server.address": server.hostname,
          "server.port": Number(server.port || (server.protocol === "smtps:" ? 465 : 25)),
        },
        async () => {
          const info = await mailer.sendMail({
            from,
            to: message.to,
            subject: message.subject,
            text: message.text,
            ...(message.html ? { html: message.html } : {}),
            messageId: message.messageId,
          });
          return { response: String(info.response ?? "accepted") };
        },
      ),
  };
}

/** Demo mode without SMTP_URL: the message stays in EmailOutbox, marked delivered to the mailbox. */
export const mailboxTransport: MailTransport = {
  name: "mailbox",
  send: () => Promise.resolve({ response: "delivered to the demo mailbox (/admin/emails)" }),
};
