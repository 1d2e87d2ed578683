// Bearer authentication for the write API. Every request reads the token row (no cache), so a
// revoked token is refused on the very next request.
import { authenticateApiToken, type ApiScope, type AuthenticatedToken } from "@/lib/auth/api-tokens";
import type { Db } from "@/lib/db/types";
import { ApiProblem } from "./handler";

const CHALLENGE = { "www-authenticate": 'Bearer realm="catalog"' };

/** The token behind `Authorization: Bearer …` with `scope`; else a 401 (no or bad token) or 403 problem. */
export async function requireApiToken(
  db: Db,
  request: Request,
  scope: ApiScope,
): Promise<AuthenticatedToken> {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) {
    throw new ApiProblem("unauthorized", {
      detail: "Send an API token as `Authorization: Bearer <token>`.",
      headers: CHALLENGE,
    });
  }
  const token = await authenticateApiToken(db, match[1]!);
  if (!token) {
    throw new ApiProblem("unauthorized", {
      detail: "The token is unknown or revoked, or the account that created it is disabled.",
      headers: { "www-authenticate": 'Bearer realm="catalog", error="invalid_token"' },
    });
  }
  if (!token.scopes.includes(scope)) {
    throw new ApiProblem("forbidden", {
      detail: `This token lacks the ${scope} scope.`,
      headers: { "www-authenticate": `Bearer realm="catalog", error="insufficient_scope", scope="${scope}"` },
    });
  }
  return token;
}
