// The order state machine: which payment event moves an order from which status to which.
// Pure. The webhook applies a transition with a conditional update (WHERE status = from), so a
// concurrent, replayed or out-of-order delivery finds the order elsewhere and changes nothing.
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export type { OrderStatus };

export const ORDER_STATUSES = [
  "pending",
  "paid",
  "expired",
  "refunded",
] as const satisfies readonly OrderStatus[];

/** What a provider event means for an order; null: nothing this store acts on. */
export type OrderEventKind = "paid" | "expired" | "refunded";

export const TRANSITIONS: Record<OrderEventKind, { from: OrderStatus; to: OrderStatus }> = {
  paid: { from: "pending", to: "paid" },
  expired: { from: "pending", to: "expired" },
  refunded: { from: "paid", to: "refunded" },
};

/** The outcome recorded when the transition applies. */
export function appliedOutcome(kind: OrderEventKind): string {
  return TRANSITIONS[kind].to;
}

/** The outcome recorded when the order was not in the transition's `from` status. */
export function ignoredOutcome(kind: OrderEventKind, current: OrderStatus): string {
  if (kind === "paid")
    return current === "paid" || current === "refunded" ? "ignored: already paid" : "ignored: not pending";
  if (kind === "expired") return "ignored: not pending";
  return current === "refunded" ? "ignored: already refunded" : "ignored: not paid";
}

/** Where an order in `current` ends up after `kind`, and what to record. */
export function transition(
  current: OrderStatus,
  kind: OrderEventKind,
): { next: OrderStatus; outcome: string } {
  const rule = TRANSITIONS[kind];
  return current === rule.from
    ? { next: rule.to, outcome: appliedOutcome(kind) }
    : { next: current, outcome: ignoredOutcome(kind, current) };
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: "Awaiting payment confirmation",
  paid: "Paid",
  refunded: "Refunded",
  expired: "Expired",
};
