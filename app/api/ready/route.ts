// GET /api/ready - 200 when the database answers, 503 when it does not (for load balancers)
import { getPrisma } from "@/lib/db";
import { databaseAnswers } from "@/lib/db/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const ready = await getPrisma().then(databaseAnswers, () => false);
  return Response.json(ready ? { status: "ok" } : { status: "unavailable" }, {
    status: ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
