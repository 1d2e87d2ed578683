export const STAGES: readonly ["stop", "flush", "close", "telemetry"];
export type ShutdownStage = (typeof STAGES)[number];
export function registerShutdownTask(name: string, stage: ShutdownStage, run: () => Promise<void>): void;
export function runShutdownTasks(onError: (task: string, error: unknown) => void): Promise<string[]>;
