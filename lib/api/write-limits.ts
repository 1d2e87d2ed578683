// Limits of the write API, shared by the handler and the OpenAPI document.
/** Largest accepted request body. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Writes per token per minute. */
export const API_WRITE_LIMIT_PER_MINUTE = 600;
