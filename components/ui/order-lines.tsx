import { formatMoney } from "@/lib/catalog/money";
import type { OrderItemView } from "@/lib/checkout/orders";

interface OrderLinesProps {
  order: { items: OrderItemView[]; currency: string; totalCents: number };
  caption: string;
  /** Hides the caption visually when a heading above already names the table. */
  captionHidden?: boolean;
  totalLabel?: string;
  totalTestId?: string;
  className?: string;
}

/** An order's lines as they were priced when it was placed: the shopper's pages and the admin show the same table. */
export function OrderLines({
  order,
  caption,
  captionHidden = false,
  totalLabel = "Order total",
  totalTestId,
  className,
}: OrderLinesProps) {
  return (
    <table className={className}>
      <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Unit price</th>
          <th scope="col">Qty</th>
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item) => (
          <tr key={item.editionId}>
            <td>
              {item.bookTitle} <span className="muted">({item.formatName})</span>
            </td>
            <td>{formatMoney(item.unitPriceCents, order.currency)}</td>
            <td>{item.quantity}</td>
            <td>{formatMoney(item.lineTotalCents, order.currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {totalLabel}
          </th>
          <td data-testid={totalTestId}>{formatMoney(order.totalCents, order.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
