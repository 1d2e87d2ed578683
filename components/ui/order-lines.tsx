import { formatMoney } from "@/lib/catalog/shared";
import { formatTaxRate } from "@/lib/checkout/cart/service";
import type { OrderItemView } from "@/lib/checkout/orders/service";

interface OrderLinesProps {
  order: {
    items: OrderItemView[];
    currency: string;
    totalMinor: number;
    subtotalMinor: number;
    shippingMinor: number;
    taxMinor: number;
    taxRateBasisPoints: number;
    /** null on orders placed before shipping and tax: only the total is shown. */
    shippingZone: string | null;
  };
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
            <td>{formatMoney(item.unitPriceMinor, order.currency)}</td>
            <td>{item.quantity}</td>
            <td>{formatMoney(item.lineTotalMinor, order.currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {order.shippingZone !== null ? (
          <>
            <tr>
              <th scope="row" colSpan={3}>
                Subtotal
              </th>
              <td>{formatMoney(order.subtotalMinor, order.currency)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Shipping <span className="muted">({order.shippingZone})</span>
              </th>
              <td data-testid="order-shipping">{formatMoney(order.shippingMinor, order.currency)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                Tax <span className="muted">({formatTaxRate(order.taxRateBasisPoints)})</span>
              </th>
              <td data-testid="order-tax">{formatMoney(order.taxMinor, order.currency)}</td>
            </tr>
          </>
        ) : null}
        <tr>
          <th scope="row" colSpan={3}>
            {totalLabel}
          </th>
          <td data-testid={totalTestId}>{formatMoney(order.totalMinor, order.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
