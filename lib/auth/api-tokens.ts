// API tokens for the write API: created by an admin, shown once, stored as a SHA-256 hash, revocable.
// Every lookup reads the database (no caching), so a revoked token, or one whose creator's account
// has been disabled, is refused on the next request.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { API_SCOPES, type ApiScope } from "./api-scopes";
import type { Db } from "@/lib/db/types";
import type { ActorContext } from "./users";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { hashToken } from "./tokens";

export { API_SCOPES, type ApiScope };

export const API_TOKEN_PREFIX = "qb_";
/** Characters of the token kept to identify it in lists ("qb_" and 8 more). */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;
/** lastUsedAt is written at most this often, so authenticating stays a single read. */
export const LAST_USED_RESOLUTION_MS = 60_000;
export const API_TOKEN_LIST_MAX = 200;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters."),
  // An unknown scope is the list's error (the form shows one message beside the checkboxes).
  scopes: z
    .array(z.string())
    .min(1, "Choose at least one scope.")
    .transform((scopes, ctx) => {
      const known = scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
      if (known.length < scopes.length) ctx.addIssue({ code: "custom", message: "Unknown scope." });
      return [...new Set(known)];
    }),
});

export interface ApiTokenView {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdBy: string | null;
  /** The creator's account is disabled: the token is refused until it is enabled again. */
  creatorDisabled: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface AuthenticatedToken {
  id: number;
  name: string;
  scopes: ApiScope[];
  createdById: number | null;
}

function scopesOf(raw: string[]): ApiScope[] {
  return API_SCOPES.filter((s) => raw.includes(s));
}

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Creates a token; the returned `token` is the only time its secret exists outside the client. */
export async function createApiToken(
  db: Db,
  input: { name: string; scopes: string[] },
  context: ActorContext,
  token: string = generateApiToken(),
): Promise<{ token: string; view: ApiTokenView }> {
  const parsed = createApiTokenSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation", "Check the highlighted fields.", {
      fields: fieldErrorsFrom(parsed.error),
    });
  }
  const row = await db.apiToken.create({
    data: {
      name: parsed.data.name,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      tokenHash: hashToken(token),
      scopes: parsed.data.scopes,
      createdById: context.actorId,
    },
    include: { createdBy: { select: { email: true, disabledAt: true } } },
  });
  await recordAudit(db, {
    actorId: context.actorId,
    action: "api_token.created",
    targetType: "ApiToken",
    targetId: row.id,
    details: { name: row.name, prefix: row.prefix, scopes: row.scopes },
    ip: context.ip ?? null,
  });
  return { token, view: toView(row) };
}

function toView(row: {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { email: string; disabledAt: Date | null } | null;
}): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: scopesOf(row.scopes),
    createdBy: row.createdBy?.email ?? null,
    creatorDisabled: Boolean(row.createdBy?.disabledAt),
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** Newest first, capped. */
export async function listApiTokens(db: Db): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: API_TOKEN_LIST_MAX,
    include: { createdBy: { select: { email: true, disabledAt: true } } },
  });
  return rows.map(toView);
}

/** Revokes a token (idempotent); refused at once by authenticateApiToken. */
export async function revokeApiToken(db: Db, id: number, context: ActorContext): Promise<ApiTokenView> {
  const existing = await db.apiToken.findUnique({ where: { id } });
  if (!existing) throw new AppError("not_found", "That token does not exist.");
  const row = await db.apiToken.update({
    where: { id },
    data: { revokedAt: existing.revokedAt ?? new Date() },
    include: { createdBy: { select: { email: true, disabledAt: true } } },
  });
  if (!existing.revokedAt) {
    await recordAudit(db, {
      actorId: context.actorId,
      action: "api_token.revoked",
      targetType: "ApiToken",
      targetId: id,
      details: { name: row.name, prefix: row.prefix },
      ip: context.ip ?? null,
    });
  }
  return toView(row);
}

/**
 * The live token with this secret, or null (unknown, revoked, or made by an account that is now
 * disabled: a token acts as its creator and must not outlive their access). Records lastUsedAt
 * once a minute.
 */
export async function authenticateApiToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<AuthenticatedToken | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { createdBy: { select: { disabledAt: true } } },
  });
  if (!row || row.revokedAt || row.createdBy?.disabledAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { id: row.id, name: row.name, scopes: scopesOf(row.scopes), createdById: row.createdById };
}
