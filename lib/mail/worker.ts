// The outbox worker bound to the process database and the environment: started by
// instrumentation.ts, polling every MAIL_POLL_MS and woken at once when an email is queued. Its
// state lives on globalThis: instrumentation and the route bundles each load this module.
import { getDatabase } from "@/lib/db/process-database";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { countMailFailure, setOutboxSource } from "@/lib/metrics/registry.mjs";
import { SITE_NAME } from "@/lib/site";
import { deliverDue, outboxBacklog, type MailTransport } from "./outbox";
import { mailboxTransport, smtpTransport } from "./transports";

/** How often the worker looks for due emails when nothing wakes it. */
export const MAIL_POLL_MS = 3_000;

interface WorkerState {
  transport?: MailTransport;
  running: Promise<void> | null;
  again: boolean;
  started: boolean;
  /** Set by stopMailWorker: no pass starts any more (the outbox keeps what is due). */
  stopped?: boolean;
  timer?: ReturnType<typeof setInterval>;
}

const globalForMail = globalThis as unknown as { bookstoreMail?: WorkerState };
const state = (globalForMail.bookstoreMail ??= { running: null, again: false, started: false });

export function currentTransport(): MailTransport {
  const env = getEnv();
  state.transport ??= env.SMTP_URL
    ? smtpTransport(env.SMTP_URL, env.MAIL_FROM ?? `${SITE_NAME} <orders@${new URL(env.SITE_URL).hostname}>`)
    : mailboxTransport;
  return state.transport;
}

async function tick(): Promise<void> {
  const host = new URL(getEnv().SITE_URL).hostname;
  do {
    state.again = false;
    const transport = currentTransport();
    const report = await deliverDue((await getDatabase()).prisma, transport, {
      host,
      onFailure: (id, error, final) => {
        countMailFailure(final);
        if (final) log.error("email failed after the last attempt", new Error(error), { emailId: id });
        else log.warn("email not sent, will retry", { emailId: id, error });
      },
    });
    if (report.sent + report.retrying + report.failed > 0)
      log.info("mail", { ...report, transport: transport.name });
  } while (state.again);
}

/** Runs a pass now (or right after the one under way). */
export function wakeMailWorker(): void {
  if (state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = tick()
    .catch((error: unknown) => log.error("mail worker failed", error))
    .finally(() => {
      state.running = null;
    });
}

export function startMailWorker(): void {
  if (state.started) return;
  state.started = true;
  setOutboxSource(async () => outboxBacklog((await getDatabase()).prisma));
  wakeMailWorker();
  state.timer = setInterval(wakeMailWorker, MAIL_POLL_MS).unref();
}

/** Stops polling and waits for the pass under way (graceful shutdown); queued emails stay due. */
export async function stopMailWorker(): Promise<void> {
  state.stopped = true;
  clearInterval(state.timer);
  await state.running;
}
