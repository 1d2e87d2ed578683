import { requireStaffForRoute } from "@/lib/auth";

export const dynamic = "force-dynamic";

// GET /api/admin/session - the signed-in staff member (401 problem+json when signed out)
export async function GET(request: Request) {
  const access = await requireStaffForRoute(request);
  if (!access.ok) return access.response;
  const { email, name, role } = access.staff;
  return Response.json({ email, name, role }, { headers: { "cache-control": "no-store" } });
}
