export interface OutboxReading {
  queued: number;
  failed: number;
  oldestQueuedSeconds: number;
}
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
export function observeRequest(
  method: string | undefined,
  url: string | undefined,
  status: number,
  nextCache: unknown,
  seconds: number,
): void;
export function timeDbQuery<T>(answer: Promise<T>): Promise<T>;
export function watchPool(pool: PoolLike): void;
export function setOutboxSource(read: () => Promise<OutboxReading>): void;
export function timeSearch<T>(kind: "results" | "facets" | "suggest", search: () => Promise<T>): Promise<T>;
export function countRateLimitRefusal(limit: "sign_in" | "rating" | "api"): void;
export function countWebhookEvent(outcome: string): void;
export function countMailFailure(final: boolean): void;
export function collectProcessMetrics(): void;
export function metricsText(): Promise<{ contentType: string; body: string }>;
