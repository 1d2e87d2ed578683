// RFC 9457 problem details for the admin route handlers.
export function problemResponse(status: number, title: string, detail?: string): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}
