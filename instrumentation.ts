// Runs once when the server starts, before Next answers any request: the environment is checked
// here (instrumentation-node.ts), so a misconfigured live store refuses to start instead of failing
// on the first request; a demo store sets its database up (migrations, seed, demo admin); then the
// hourly housekeeping and the mail worker start; what a graceful shutdown finishes is registered.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const {
      checkEnvironmentOrExit,
      prepareDatabase,
      registerShutdownTasks,
      startHousekeeping,
      startMailWorker,
    } = await import("./instrumentation-node");
    checkEnvironmentOrExit();
    registerShutdownTasks();
    await prepareDatabase();
    startHousekeeping();
    startMailWorker();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logRequestError } = await import("./instrumentation-node");
    logRequestError(error, request, context);
  }
};
