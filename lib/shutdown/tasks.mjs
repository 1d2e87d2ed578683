// What a stopping instance must finish after its last request (server.mjs runs them: lib/shutdown/
// server.mjs): parts of the store register a task as they start (instrumentation-node.ts: the mail
// worker, the rate-limit batch, the database; lib/telemetry/start.mjs: the traces). Tasks run one
// stage after the other, in STAGES order, so nothing is closed under a task that still needs it.
// Shared through globalThis: Next bundles its own copy of this module beside server.mjs's.

/** stop: background work (the mail worker); flush: buffered writes (they need the database);
 * close: the database; telemetry: the traces, last, so the spans of everything before are sent. */
export const STAGES = /** @type {const} */ (["stop", "flush", "close", "telemetry"]);

/** @typedef {{ name: string, stage: (typeof STAGES)[number], run: () => Promise<void> }} ShutdownTask */

const KEY = Symbol.for("bookstore.shutdownTasks");
const store = /** @type {Record<symbol, Map<string, ShutdownTask> | undefined>} */ (
  /** @type {unknown} */ (globalThis)
);
const tasks = (store[KEY] ??= new Map());

/**
 * Registers (or replaces, by name) a task to run when the instance stops.
 * @param {string} name @param {ShutdownTask["stage"]} stage @param {() => Promise<void>} run
 */
export function registerShutdownTask(name, stage, run) {
  tasks.set(name, { name, stage, run });
}

/**
 * Runs every task, stage by stage (a stage's tasks together); a failed task is reported and the
 * rest still run. Resolves with the names of the tasks that failed.
 * @param {(task: string, error: unknown) => void} onError
 * @returns {Promise<string[]>}
 */
export async function runShutdownTasks(onError) {
  /** @type {string[]} */
  const failed = [];
  for (const stage of STAGES) {
    const due = [...tasks.values()].filter((task) => task.stage === stage);
    await Promise.all(
      due.map((task) =>
        task.run().catch((error) => {
          failed.push(task.name);
          onError(task.name, error);
        }),
      ),
    );
  }
  return failed;
}
