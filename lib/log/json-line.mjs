// One JSON object per line on stdout (errors on stderr): the format every log of the store uses,
// from the request log in server.mjs to the application's own events. Plain JavaScript so the
// custom server can use it without a TypeScript loader.
import { currentTraceId } from "../telemetry/spans.mjs";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };

export function writeLogLine(level, msg, fields = {}) {
  const threshold = LEVELS[process.env.LOG_LEVEL] ?? LEVELS.info;
  if ((LEVELS[level] ?? LEVELS.info) < threshold) return;
  // With traces on, a line written during a request names its trace (docs/operations.md#traces).
  const traceId = currentTraceId();
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    msg,
    ...(traceId && { traceId }),
    ...fields,
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}
