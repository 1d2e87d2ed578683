// Rating a book as the current shopper, for the product page's server action and the API alike:
// the shopper is a random id in a signed httpOnly cookie (set on the first valid rating), the
// client IP comes from lib/auth/client-ip, the status from RATINGS_MODERATION.
import "server-only";
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { clientIp, ipHashOf } from "@/lib/auth/client-ip";
import { signId, verifySignedId } from "@/lib/security/signed-id";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseRatingInput } from "./input";
import { publishedBookIdOrThrow, shopperKeyOf, submitRating, type CreatedRating } from "./store";

export const SHOPPER_COOKIE = "qb_shopper";
const SHOPPER_PURPOSE = "shopper";
const SHOPPER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365 * 2;

/** The shopper id from the signed cookie, or a new one set on the response. */
async function currentShopperId(secret: string, live: boolean): Promise<string> {
  const jar = await cookies();
  const existing = verifySignedId(SHOPPER_PURPOSE, jar.get(SHOPPER_COOKIE)?.value, secret);
  if (existing) return existing;
  const id = randomUUID();
  jar.set(SHOPPER_COOKIE, signId(SHOPPER_PURPOSE, id, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure: live,
    path: "/",
    maxAge: SHOPPER_COOKIE_MAX_AGE,
  });
  return id;
}

/**
 * Validates `input` (form values or a JSON body) and stores it as the current shopper's rating of
 * the published book `slug`. Throws AppError: validation (field messages), not_found,
 * conflict (already rated), rate_limited. The caller invalidates caches when it was published.
 */
export async function rateBookAsShopper(slug: string, input: unknown): Promise<CreatedRating> {
  const parsed = parseRatingInput(input);
  if (!parsed.ok) {
    throw new AppError("validation", "Check the highlighted fields.", { fields: parsed.fields });
  }
  const env = getEnv();
  const db = await getPrisma();
  const bookId = await publishedBookIdOrThrow(db, slug);
  const shopperId = await currentShopperId(env.SESSION_SECRET, env.STORE_MODE === "live");
  const ip = clientIp(await headers(), env.TRUSTED_PROXY_HOPS);
  return submitRating(db, {
    bookId,
    rating: parsed.data,
    shopperKey: shopperKeyOf(shopperId, env.SESSION_SECRET),
    ipHash: ip ? ipHashOf(ip, env.SESSION_SECRET) : null,
    status: env.RATINGS_MODERATION === "pending" ? "pending" : "published",
  });
}
