import { requireStaffForRoute } from "@/lib/auth";
import { getOnixExportStream } from "@/lib/catalog/exchange/service";

export const dynamic = "force-dynamic";

// GET /admin/export/onix.xml - every published edition as an ONIX 3.0 message, streamed (staff only)
export async function GET(request: Request) {
  const access = await requireStaffForRoute(request);
  if (!access.ok) return access.response;
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await getOnixExportStream(), {
    headers: {
      "content-type": "application/xml; charset=utf-8",
      "content-disposition": `attachment; filename="onix-${day}.xml"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
