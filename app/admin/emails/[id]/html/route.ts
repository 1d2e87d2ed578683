import { requireStaffForRoute } from "@/lib/auth";
import { readMailboxMessage } from "@/lib/mail";

export const dynamic = "force-dynamic";

// GET /admin/emails/:id/html - an email's HTML exactly as sent, for admins. Served as its own
// document under a sandbox policy: no script runs, nothing loads from elsewhere, and its links
// cannot reach the admin's session (the sandbox gives the page an opaque origin).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requireStaffForRoute(request, "admin", { signInNext: `/admin/emails/${id}` });
  if (!access.ok) return access.response;
  const email = /^\d{1,9}$/.test(id) ? await readMailboxMessage(Number(id)) : null;
  if (!email?.html)
    return new Response("No HTML version.", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(email.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy":
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
  });
}
