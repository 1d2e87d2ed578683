// The per-request pages' script policy: a fresh nonce per request, on the response's
// Content-Security-Policy and on the request's, where Next reads it to put on its own scripts.
// proxy.ts lets those pages through with this instead of a plain NextResponse.next().
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { isPerRequestPage, perRequestPagePolicy } from "./headers.mjs";

/** Real Stripe Checkout's host; with STRIPE_API_BASE (tests) the mock's origin serves the page. */
const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/** Where the cart's checkout form may lead: the hosted checkout's origin, besides this one. */
function checkoutFormActions(): string[] {
  const env = getEnv();
  if (env.paymentProvider !== "stripe") return [];
  return [env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE).origin : STRIPE_CHECKOUT_ORIGIN];
}

/** NextResponse.next(), carrying the nonce policy when the path is a per-request page. */
export function continueWithPagePolicy(request: NextRequest): NextResponse {
  if (!isPerRequestPage(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = perRequestPagePolicy(nonce, {
    https: getEnv().SITE_URL.startsWith("https:"),
    formActions: request.nextUrl.pathname === "/cart" ? checkoutFormActions() : [],
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}
