// GET /api/cart/summary - the shopper's cart item count, for the header (read after page load so
// cached product pages stay cacheable)
import { currentCartCount } from "@/lib/checkout/cart/service";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(
    { itemCount: await currentCartCount() },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
