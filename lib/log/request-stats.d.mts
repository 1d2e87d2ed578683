import type { AsyncLocalStorage } from "node:async_hooks";
export interface RequestStats {
  dbStatements: number;
  cacheTags?: string[];
}
export const requestStats: AsyncLocalStorage<RequestStats>;
export function countDbStatement(): void;
