// Orders as the order page, downloads and the admin use them: bound to the process database and
// the environment. Payments change an order only through the webhook (../webhook).
import "server-only";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { downloadLogForOrder, grantsForOrder, startDownload, type GrantView } from "@/lib/ebooks/downloads";
import { checkDownloadLink, downloadPath } from "@/lib/ebooks/links";
import { log } from "@/lib/log";
import { wakeMailWorker } from "@/lib/mail/worker";
import * as adminOrders from "./admin";
import { markShipped } from "./fulfilment";
import * as orders from "./store";

export type { OrderView, OrderItemView } from "./store";
export { addressFields, formatAddressLines, type AddressFieldSpec, type ShippingAddress } from "./address";
export type { ShipmentErrors } from "./fulfilment";
export type { GrantView } from "@/lib/ebooks/downloads";
export { ORDER_STATUS_LABELS, ORDER_STATUSES } from "./state";
export { ORDER_VIEWS, parseAdminOrderQuery } from "./admin";
export type { AdminOrderDetail, AdminOrderPage, AdminOrderQuery, AdminOrderRow } from "./admin";

export async function getOrderByToken(token: string) {
  return orders.findOrderByToken(await getPrisma(), token);
}

export interface OrderDownload extends GrantView {
  /** A fresh signed link (DOWNLOAD_LINK_DAYS), or null when the order may not download now. */
  path: string | null;
}

/** The order page's ebooks, each with a fresh signed link while the order is paid. */
export async function getOrderDownloads(order: orders.OrderView): Promise<OrderDownload[]> {
  const env = getEnv();
  const grants = await grantsForOrder(await getPrisma(), order.id, env.STORE_MODE === "demo");
  return grants.map((grant) => ({
    ...grant,
    path:
      order.status === "paid" && grant.available && grant.remaining > 0
        ? downloadPath(grant.id, env.SESSION_SECRET)
        : null,
  }));
}

/** GET /downloads/<grant>?expires&signature: the signature first, then the grant's rules. */
export async function downloadEbook(
  grantId: string,
  params: URLSearchParams,
  client: { ipHash: string | null; userAgent: string | null },
) {
  const env = getEnv();
  const check = checkDownloadLink(
    grantId,
    params.get("expires"),
    params.get("signature"),
    env.SESSION_SECRET,
  );
  if (check === "forged") return { ok: false as const, reason: "forged" as const };
  const result = await startDownload(await getPrisma(), grantId, {
    ...client,
    demo: env.STORE_MODE === "demo",
    expired: check === "expired",
  });
  log.info("download", { grantId, outcome: result.ok ? "served" : `refused: ${result.reason}` });
  return result;
}

export async function getOrdersForAdmin(query: adminOrders.AdminOrderQuery) {
  return adminOrders.listOrdersForAdmin(await getPrisma(), query);
}

export async function getOrderForAdmin(id: string) {
  const db = await getPrisma();
  const order = await adminOrders.findOrderForAdmin(db, id);
  if (!order) return null;
  const env = getEnv();
  return {
    ...order,
    downloads: await grantsForOrder(db, order.id, env.STORE_MODE === "demo"),
    downloadLog: await downloadLogForOrder(db, order.id),
  };
}

/** Staff mark the parcel shipped; the shopper's notice is queued and the worker woken. */
export async function shipOrder(
  orderId: string,
  fields: Record<"carrier" | "trackingNumber", string | undefined>,
  actor: { id: number; ip: string | null },
) {
  const env = getEnv();
  const result = await markShipped(await getPrisma(), orderId, fields, {
    actorId: actor.id,
    ip: actor.ip,
    siteUrl: env.SITE_URL,
    secret: env.SESSION_SECRET,
  });
  if (result.ok) wakeMailWorker();
  return result;
}

export async function orderTokenExists(token: string): Promise<boolean> {
  return orders.orderTokenExists(await getPrisma(), token);
}
