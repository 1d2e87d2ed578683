// The emails about an order, in HTML and plain text: the receipt queued when it is paid, the
// notice sent when staff mark the parcel shipped. Pure: links and the address lines are passed in.
import { formatMoney, formatName } from "@/lib/catalog/shared";
import type { EditionFormat } from "@/lib/generated/prisma/enums";
import { DOWNLOAD_LIMIT, DOWNLOAD_LINK_DAYS } from "@/lib/ebooks/links";
import { emailDocument, emailStyle as s, escapeHtml } from "@/lib/mail/html";
import { SITE_NAME } from "@/lib/site";
import { formatTaxRate } from "../cart/shipping";

export interface OrderEmail {
  kind: "receipt" | "shipped";
  to: string;
  subject: string;
  text: string;
  html: string;
}

interface ReceiptOrder {
  number: string;
  email: string | null;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxRateBasisPoints: number;
  shippingZone: string | null;
  totalMinor: number;
  items: {
    bookTitle: string;
    formatLabel: string | null;
    format: EditionFormat;
    quantity: number;
    lineTotalMinor: number;
  }[];
}

export interface ReceiptLinks {
  /** The order page; null for orders whose token could not be recovered. */
  orderUrl: string | null;
  downloads: { bookTitle: string; url: string }[];
  /** The label lines of the shipping address, in its country's format. */
  addressLines: string[] | null;
}

export function receiptSubject(orderNumber: string): string {
  return `Your ${SITE_NAME} order ${orderNumber}`;
}

export function shippedSubject(orderNumber: string): string {
  return `Your ${SITE_NAME} order ${orderNumber} has shipped`;
}

function totalsRows(order: ReceiptOrder): [string, string][] {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const rows: [string, string][] = [["Subtotal", money(order.subtotalMinor)]];
  if (order.shippingZone !== null) {
    rows.push([`Shipping (${order.shippingZone})`, money(order.shippingMinor)]);
    rows.push([`Tax (${formatTaxRate(order.taxRateBasisPoints)})`, money(order.taxMinor)]);
  }
  rows.push(["Total paid", money(order.totalMinor)]);
  return rows;
}

const downloadTerms = `Each link works for ${DOWNLOAD_LINK_DAYS} days, and each ebook can be downloaded ${DOWNLOAD_LIMIT} times. Your order page always has fresh links.`;

export function receiptEmail(order: ReceiptOrder, links: ReceiptLinks): OrderEmail | null {
  if (!order.email) return null;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const lineText = order.items.map(
    (item) => `${item.quantity} × ${item.bookTitle} (${formatName(item)}): ${money(item.lineTotalMinor)}`,
  );
  const totals = totalsRows(order);
  const text = [
    `Thank you for your order ${order.number}. Your payment has been received.`,
    "",
    ...lineText,
    "",
    ...totals.map(([label, value]) => `${label}: ${value}`),
    ...(links.downloads.length
      ? [
          "",
          "Download your ebooks:",
          ...links.downloads.map((d) => `${d.bookTitle}: ${d.url}`),
          downloadTerms,
        ]
      : []),
    ...(links.addressLines ? ["", "Shipping to:", ...links.addressLines] : []),
    ...(links.orderUrl ? ["", `Your order: ${links.orderUrl}`] : []),
    "",
    SITE_NAME,
  ].join("\n");

  const itemRows = order.items
    .map(
      (item) =>
        `<tr><td style="${s.cell}">${item.quantity} × ${escapeHtml(item.bookTitle)}<br><span style="${s.muted}">${escapeHtml(formatName(item))}</span></td><td style="${s.amount}">${escapeHtml(money(item.lineTotalMinor))}</td></tr>`,
    )
    .join("\n");
  const totalRows = totals
    .map(
      ([label, value], index) =>
        `<tr><td style="${s.cell}${index === totals.length - 1 ? "font-weight:700;" : ""}">${escapeHtml(label)}</td><td style="${s.amount}${index === totals.length - 1 ? "font-weight:700;" : ""}">${escapeHtml(value)}</td></tr>`,
    )
    .join("\n");
  const downloads = links.downloads.length
    ? `<h2 style="${s.h2}">Your ebooks</h2>
${links.downloads
  .map(
    (d) =>
      `<p style="${s.p}"><a href="${escapeHtml(d.url)}" style="${s.button}">Download ${escapeHtml(d.bookTitle)}</a></p>`,
  )
  .join("\n")}
<p style="${s.muted}">${escapeHtml(downloadTerms)}</p>`
    : "";
  const address = links.addressLines
    ? `<h2 style="${s.h2}">Shipping to</h2>
<p style="${s.p}">${links.addressLines.map(escapeHtml).join("<br>")}</p>`
    : "";
  const orderLink = links.orderUrl
    ? `<p style="${s.p}">See your order any time: <a href="${escapeHtml(links.orderUrl)}" style="${s.link}">your order page</a>.</p>`
    : "";
  const html = emailDocument(
    receiptSubject(order.number),
    `Order ${order.number}: ${money(order.totalMinor)} paid.`,
    `<p style="${s.p}">Thank you for your order <strong>${escapeHtml(order.number)}</strong>. Your payment has been received.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${itemRows}
${totalRows}
</table>
${downloads}
${address}
${orderLink}`,
  );
  return { kind: "receipt", to: order.email, subject: receiptSubject(order.number), text, html };
}

interface ShippedOrder {
  number: string;
  email: string | null;
  carrier: string;
  trackingNumber: string;
  items: {
    bookTitle: string;
    format: EditionFormat;
    formatLabel: string | null;
    quantity: number;
    shipped: boolean;
  }[];
}

export function shippedEmail(
  order: ShippedOrder,
  links: Pick<ReceiptLinks, "orderUrl" | "addressLines">,
): OrderEmail | null {
  if (!order.email) return null;
  const printed = order.items.filter((item) => item.shipped);
  const list = printed.map((item) => `${item.quantity} × ${item.bookTitle} (${formatName(item)})`);
  const text = [
    `Your order ${order.number} has shipped.`,
    "",
    ...list,
    "",
    `Carrier: ${order.carrier}`,
    `Tracking number: ${order.trackingNumber}`,
    ...(links.addressLines ? ["", "Shipping to:", ...links.addressLines] : []),
    ...(links.orderUrl ? ["", `Your order: ${links.orderUrl}`] : []),
    "",
    SITE_NAME,
  ].join("\n");
  const html = emailDocument(
    shippedSubject(order.number),
    `${order.carrier} tracking number ${order.trackingNumber}.`,
    `<p style="${s.p}">Your order <strong>${escapeHtml(order.number)}</strong> has shipped.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${list.map((line) => `<tr><td style="${s.cell}">${escapeHtml(line)}</td></tr>`).join("\n")}
</table>
<h2 style="${s.h2}">Tracking</h2>
<p style="${s.p}">Carrier: <strong>${escapeHtml(order.carrier)}</strong><br>Tracking number: <strong>${escapeHtml(order.trackingNumber)}</strong></p>
${links.addressLines ? `<h2 style="${s.h2}">Shipping to</h2>\n<p style="${s.p}">${links.addressLines.map(escapeHtml).join("<br>")}</p>` : ""}
${links.orderUrl ? `<p style="${s.p}">See your order any time: <a href="${escapeHtml(links.orderUrl)}" style="${s.link}">your order page</a>.</p>` : ""}`,
  );
  return { kind: "shipped", to: order.email, subject: shippedSubject(order.number), text, html };
}
