// Typed errors of the staff-account service. Pages map them to field messages; routes to
// problem+json statuses (see ./problem.ts).
export type AuthErrorCode =
  | "validation" // 422 with field messages
  | "email_taken" // 409
  | "not_found" // 404
  | "self_change" // 409: an admin may not demote or disable themself
  | "unauthenticated" // 401
  | "forbidden" // 403
  | "cross_site"; // 403

export type AuthFieldErrors = Record<string, string[]>;

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly fields: AuthFieldErrors = {},
  ) {
    super(message);
    this.name = "AuthError";
  }
}
