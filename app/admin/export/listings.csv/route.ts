import { requireStaffForRoute } from "@/lib/auth";
import { listingsCsvStream } from "@/lib/catalog/exchange/service";

export const dynamic = "force-dynamic";

// GET /admin/export/listings.csv - every listing as CSV, one row per edition (staff only)
export async function GET(request: Request) {
  const access = await requireStaffForRoute(request, "editor", { signInNext: "/admin/exchange" });
  if (!access.ok) return access.response;
  const date = new Date().toISOString().slice(0, 10);
  return new Response(await listingsCsvStream(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="listings-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
