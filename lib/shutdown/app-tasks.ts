// The application's part of a graceful shutdown (lib/shutdown/server.mjs runs the tasks once the
// requests in flight are done): the mail worker stops between emails, the read API's rate-limit
// batch is written, then the database closes (PGlite's data directory left consistent).
import { flushApiReadCounter } from "@/lib/api/rate-limit";
import { closeDatabase } from "@/lib/db/process-database";
import { stopMailWorker } from "@/lib/mail/worker";
import { registerShutdownTask } from "./tasks.mjs";

export function registerShutdownTasks(): void {
  registerShutdownTask("mail worker", "stop", stopMailWorker);
  registerShutdownTask("rate-limit batch", "flush", flushApiReadCounter);
  registerShutdownTask("database", "close", closeDatabase);
}
