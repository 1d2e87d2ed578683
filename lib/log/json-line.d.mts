export type LogLevel = "debug" | "info" | "warn" | "error";
export function writeLogLine(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
