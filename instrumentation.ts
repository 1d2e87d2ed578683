// Runs once when the server starts: the environment is checked here (instrumentation-node.ts),
// so a misconfigured live store refuses to start instead of failing on the first request; then
// the hourly housekeeping and the mail worker start.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit, openDatabaseEarly, startHousekeeping, startMailWorker } =
      await import("./instrumentation-node");
    checkEnvironmentOrExit();
    await openDatabaseEarly();
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
