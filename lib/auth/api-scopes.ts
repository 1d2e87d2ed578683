// The scopes an API token can carry (safe to import from client components).
export const API_SCOPES = ["catalog:read", "catalog:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
