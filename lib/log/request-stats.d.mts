import type { AsyncLocalStorage } from "node:async_hooks";
export const requestStats: AsyncLocalStorage<{ dbStatements: number }>;
export function countDbStatement(): void;
