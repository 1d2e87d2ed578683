import { writeLogLine, type LogLevel } from "./json-line.mjs";

export type { LogLevel };

function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { error: { name: error.name, message: error.message, stack: error.stack } };
  return { error: String(error) };
}

/** Structured application logs; pass the request id whenever there is one. */
export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => writeLogLine("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => writeLogLine("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => writeLogLine("warn", msg, fields),
  error: (msg: string, error: unknown, fields?: Record<string, unknown>) =>
    writeLogLine("error", msg, { ...fields, ...errorFields(error) }),
};
