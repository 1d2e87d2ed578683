import { NextResponse, type NextRequest } from "next/server";
import { checkSearchText, suggestBooks } from "@/lib/catalog/search/service";

export const dynamic = "force-dynamic";

// GET /api/search/suggest?q= - up to 8 published titles for the header's autocomplete
export async function GET(request: NextRequest) {
  const text = checkSearchText(request.nextUrl.searchParams.get("q") ?? undefined);
  const suggestions = text.ok ? await suggestBooks(text.q) : [];
  return NextResponse.json(suggestions, {
    headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300" },
  });
}
