// The shop's own pages (About, Contact, Shipping and returns, Privacy): Articles of kind "page",
// inserted by migration 20261212100000_footer_pages, shown at /pages/<slug> and edited by staff
// at /admin/pages.
import { recordAudit } from "@/lib/audit";
import type { Db } from "@/lib/db/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import type { ListingActor } from "../listings/store";
import { shopPageInputSchema } from "./shop-page-schema";
import { blocksFromText } from "./shop-page-text";
import { isValidSlug } from "../shared/slug";
import type { ArticleBlock } from "../shared/types";

export interface ShopPageView {
  slug: string;
  title: string;
  excerpt: string | null;
  blocks: ArticleBlock[];
  published: boolean;
  updatedAt: string;
}

const blocksSchema = z.array(z.object({ type: z.enum(["heading", "paragraph"]), text: z.string() }));

function toView(row: {
  slug: string;
  title: string;
  excerpt: string | null;
  blocks: unknown;
  status: string;
  updatedAt: Date;
}): ShopPageView {
  return {
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    blocks: blocksSchema.parse(row.blocks),
    published: row.status === "published",
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A published shop page, or null. */
export async function loadPublishedShopPage(db: Db, slug: string): Promise<ShopPageView | null> {
  if (!isValidSlug(slug)) return null;
  const row = await db.article.findFirst({ where: { slug, kind: "page", status: "published" } });
  return row ? toView(row) : null;
}

/** Every shop page, for the admin (few: capped anyway). */
export async function listShopPages(db: Db): Promise<ShopPageView[]> {
  const rows = await db.article.findMany({ where: { kind: "page" }, orderBy: { id: "asc" }, take: 100 });
  return rows.map(toView);
}

export async function findShopPage(db: Db, slug: string): Promise<ShopPageView | null> {
  if (!isValidSlug(slug)) return null;
  const row = await db.article.findFirst({ where: { slug, kind: "page" } });
  return row ? toView(row) : null;
}

/**
 * Saves a shop page's title, summary and text. Refused (stale_version) when someone saved it
 * after the editor was opened; a refused or invalid save changes nothing. Audited.
 */
export async function saveShopPage(
  db: PrismaClient,
  slug: string,
  input: unknown,
  actor: ListingActor,
): Promise<ShopPageView> {
  const parsed = shopPageInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation", "The page was not saved.", { fields: fieldErrorsFrom(parsed.error) });
  }
  const { title, excerpt, body, updatedAt } = parsed.data;
  const openedAt = new Date(updatedAt);
  return db.$transaction(async (tx) => {
    const page = await tx.article.findFirst({ where: { slug, kind: "page" }, select: { id: true } });
    if (!page || !isValidSlug(slug)) throw new AppError("not_found", `No shop page has the slug "${slug}".`);
    const saved = await tx.article.updateMany({
      where: { id: page.id, updatedAt: Number.isNaN(openedAt.getTime()) ? new Date(0) : openedAt },
      data: { title, excerpt: excerpt || null, blocks: blocksFromText(body).map((b) => ({ ...b })) },
    });
    if (saved.count === 0) {
      throw new AppError("stale_version", "Someone saved this page after you opened it.");
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "shop_page.updated",
      targetType: "Article",
      targetId: page.id,
      details: { slug },
      ip: actor.ip ?? null,
    });
    return toView(await tx.article.findUniqueOrThrow({ where: { id: page.id } }));
  });
}
