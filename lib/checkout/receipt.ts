// The receipt queued in EmailOutbox when an order is paid. Pure.
import { formatMoney } from "@/lib/catalog/money";
import { SITE_NAME } from "@/lib/site";

interface ReceiptOrder {
  number: string;
  email: string | null;
  currency: string;
  totalCents: number;
  items: {
    bookTitle: string;
    formatLabel: string | null;
    format: string;
    quantity: number;
    lineTotalCents: number;
  }[];
}

export function receiptSubject(orderNumber: string): string {
  return `Your ${SITE_NAME} order ${orderNumber}`;
}

export function receiptEmail(order: ReceiptOrder): { to: string; subject: string; text: string } | null {
  if (!order.email) return null;
  const lines = order.items.map(
    (item) =>
      `${item.quantity} × ${item.bookTitle} (${item.formatLabel ?? item.format}): ${formatMoney(item.lineTotalCents, order.currency)}`,
  );
  return {
    to: order.email,
    subject: receiptSubject(order.number),
    text: [
      `Thank you for your order ${order.number}. Your payment has been received.`,
      "",
      ...lines,
      "",
      `Total paid: ${formatMoney(order.totalCents, order.currency)}`,
      "",
      `${SITE_NAME}`,
    ].join("\n"),
  };
}
