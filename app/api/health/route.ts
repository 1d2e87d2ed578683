// GET /api/health - the process is up (no database access; see /api/ready for that)
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
