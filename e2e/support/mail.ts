// A real SMTP server in the test process (smtp-server), on the port the e2e store sends to (its
// own port + 4, scripts/test/e2e-server.mjs); what it receives is parsed with mailparser.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Inbox {
  messages: { to: string[]; mail: ParsedMail }[];
  /** The messages to one address, in arrival order. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startInbox(storeBaseUrl: string): Promise<Inbox> {
  const messages: Inbox["messages"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = Number(new URL(storeBaseUrl).port) + 4;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address)).map((m) => m.mail),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
