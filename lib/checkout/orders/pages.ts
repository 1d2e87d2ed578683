// Whether a checkout page exists, before rendering it (proxy.ts): unknown order tokens and stub
// sessions, and the stub checkout outside demo mode, are answered with the full 404 page.
import type { Db } from "@/lib/db/types";
import { getEnv } from "@/lib/env";
import { findStubSession, orderTokenExists } from "./store";

export function isStubCheckoutEnabled(env: { STORE_MODE: string; paymentProvider: string }): boolean {
  return env.STORE_MODE === "demo" && env.paymentProvider === "stub";
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** null: not a checkout page; otherwise whether it exists for this URL. */
export async function checkoutPageExists(
  db: Db,
  path: string,
  search: URLSearchParams,
): Promise<boolean | null> {
  const order = /^\/orders\/([^/]+)$/.exec(path)?.[1];
  if (order) {
    const token = decode(order);
    return token !== null && orderTokenExists(db, token);
  }
  const session = /^\/checkout\/stub\/([^/]+)$/.exec(path)?.[1];
  if (session) {
    if (!isStubCheckoutEnabled(getEnv())) return false;
    const sessionId = decode(session);
    if (sessionId === null) return false;
    return (await findStubSession(db, sessionId, search.get("token") ?? "")) !== null;
  }
  return null;
}
