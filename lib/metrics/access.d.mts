import type { BlockList } from "node:net";
export const DEFAULT_ALLOW_FROM: string;
export interface MetricsAccessRule {
  allow: BlockList;
  tokenDigest: Buffer | null;
}
export function metricsAccessRule(env: {
  METRICS_ALLOW_FROM?: string;
  METRICS_TOKEN?: string;
}): MetricsAccessRule;
export function decideMetricsAccess(
  rule: MetricsAccessRule,
  request: { remoteAddress: string | undefined; authorization: string | undefined; forwarded: boolean },
): { allowed: true } | { allowed: false; status: 401 | 403; message: string };
